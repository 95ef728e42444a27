//! The traceability graph: asset → risk → control ← requirement / policy, plus policy
//! parents and asset dependencies. Nodes are indices; the data stays in the model.

use std::collections::VecDeque;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef};
use petgraph::Direction;

use super::{Kind, Model, Ref};
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    Asset(usize),
    Risk(usize),
    /// Index into `Model::slots`.
    Control(usize),
    Requirement(usize),
    Policy(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// asset → risk: the risk names the asset.
    AssessedBy,
    /// risk → control: the risk's treatment names the control.
    TreatedBy,
    /// requirement → control.
    Requires,
    /// policy → control.
    Implements,
    /// policy → its parent policy.
    Parent,
    /// asset → the asset it depends on.
    DependsOn,
}

#[derive(Debug, Clone, Copy)]
pub struct Edge {
    pub kind: EdgeKind,
    /// The reference that made the edge.
    pub span: Span,
}

#[derive(Debug, Default)]
pub struct Trace {
    pub graph: DiGraph<Node, Edge>,
    nodes: HashMap<Node, NodeIndex>,
}

impl Trace {
    /// The graph of the model's resolved references: each edge is a reference that
    /// resolution recorded as naming a declaration of the kind its field accepts.
    pub fn build(m: &Model) -> Trace {
        let mut t = Trace::default();
        let names = &m.resolution;
        let asset = |r: &Ref| names.decl(r, Kind::Asset);
        let control = |r: &Ref| names.decl(r, Kind::Control);
        let policy = |r: &Ref| names.decl(r, Kind::Policy);
        for (i, a) in m.assets.iter().enumerate() {
            t.node(Node::Asset(i));
            for r in &a.depends_on {
                if let Some(j) = asset(r) {
                    t.edge(Node::Asset(i), Node::Asset(j), EdgeKind::DependsOn, r.span);
                }
            }
        }
        for (i, risk) in m.risks.iter().enumerate() {
            t.node(Node::Risk(i));
            for r in &risk.assets {
                if let Some(j) = asset(r) {
                    t.edge(Node::Asset(j), Node::Risk(i), EdgeKind::AssessedBy, r.span);
                }
            }
            for r in risk.treatment.iter().flat_map(|t| &t.controls) {
                if let Some(j) = control(r) {
                    t.edge(Node::Risk(i), Node::Control(j), EdgeKind::TreatedBy, r.span);
                }
            }
        }
        for (i, req) in m.requirements.iter().enumerate() {
            t.node(Node::Requirement(i));
            for r in &req.controls {
                if let Some(j) = control(r) {
                    t.edge(
                        Node::Requirement(i),
                        Node::Control(j),
                        EdgeKind::Requires,
                        r.span,
                    );
                }
            }
        }
        for (i, p) in m.policies.iter().enumerate() {
            t.node(Node::Policy(i));
            for r in &p.implements {
                if let Some(j) = control(r) {
                    t.edge(
                        Node::Policy(i),
                        Node::Control(j),
                        EdgeKind::Implements,
                        r.span,
                    );
                }
            }
            if let Some(r) = &p.parent {
                if let Some(j) = policy(r) {
                    t.edge(Node::Policy(i), Node::Policy(j), EdgeKind::Parent, r.span);
                }
            }
        }
        for i in 0..m.slots.len() {
            t.node(Node::Control(i));
        }
        t
    }

    fn node(&mut self, n: Node) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(&n) {
            return ix;
        }
        let ix = self.graph.add_node(n);
        self.nodes.insert(n, ix);
        ix
    }

    fn edge(&mut self, from: Node, to: Node, kind: EdgeKind, span: Span) {
        let (a, b) = (self.node(from), self.node(to));
        self.graph.add_edge(a, b, Edge { kind, span });
    }

    /// The nodes with an edge of `kind` into `to`, in model order, each once.
    pub fn sources(&self, to: Node, kind: EdgeKind) -> Vec<Node> {
        let Some(&ix) = self.nodes.get(&to) else {
            return Vec::new();
        };
        let mut out: Vec<Node> = self
            .graph
            .edges_directed(ix, Direction::Incoming)
            .filter(|e| e.weight().kind == kind)
            .map(|e| self.graph[e.source()])
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The nodes `from` has an edge of `kind` to, in model order, each once.
    pub fn targets(&self, from: Node, kind: EdgeKind) -> Vec<Node> {
        let Some(&ix) = self.nodes.get(&from) else {
            return Vec::new();
        };
        let mut out: Vec<Node> = self
            .graph
            .edges(ix)
            .filter(|e| e.weight().kind == kind)
            .map(|e| self.graph[e.target()])
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The edges of `kind` into `to`, in source order (for pointing at references).
    pub fn incoming(&self, to: Node, kind: EdgeKind) -> Vec<(Node, Span)> {
        let Some(&ix) = self.nodes.get(&to) else {
            return Vec::new();
        };
        let mut out: Vec<(Node, Span)> = self
            .graph
            .edges_directed(ix, Direction::Incoming)
            .filter(|e| e.weight().kind == kind)
            .map(|e| (self.graph[e.source()], e.weight().span))
            .collect();
        out.sort_by_key(|(_, s)| *s);
        out
    }

    /// The cycles made by edges of `kind`: one per strongly connected component, as the
    /// list of (node, span of the reference leading to the next node), starting at the
    /// smallest node and ending where it started.
    pub fn cycles(&self, kind: EdgeKind) -> Vec<Vec<(Node, Span)>> {
        let filtered = EdgeFiltered::from_fn(&self.graph, |e| e.weight().kind == kind);
        let mut cycles = Vec::new();
        // INVARIANT: no recursion over the graph. `tarjan_scc` recurses once per node of a
        // path, so a `depends_on` chain of 160,000 assets overflowed a 2 MB thread stack
        // and aborted the process; `kosaraju_scc` walks with petgraph's `Dfs` and
        // `DfsPostOrder`, whose stacks live on the heap. Components come out in another
        // order, which does not matter: the cycles are sorted below.
        for scc in petgraph::algo::kosaraju_scc(&filtered) {
            let members: HashSet<NodeIndex> = scc.iter().copied().collect();
            let Some(&start) = scc.iter().min_by_key(|ix| self.graph[**ix]) else {
                continue;
            };
            let self_loop = self
                .graph
                .edges(start)
                .any(|e| e.weight().kind == kind && e.target() == start);
            if scc.len() < 2 && !self_loop {
                continue;
            }
            if let Some(cycle) = self.cycle_through(start, kind, &members) {
                cycles.push(cycle);
            }
        }
        cycles.sort();
        cycles
    }

    /// A shortest cycle from `start` back to itself inside `members` (breadth-first).
    fn cycle_through(
        &self,
        start: NodeIndex,
        kind: EdgeKind,
        members: &HashSet<NodeIndex>,
    ) -> Option<Vec<(Node, Span)>> {
        let mut came_from: HashMap<NodeIndex, (NodeIndex, Span)> = HashMap::default();
        let mut queue = VecDeque::from([start]);
        while let Some(at) = queue.pop_front() {
            let mut edges: Vec<_> = self
                .graph
                .edges(at)
                .filter(|e| e.weight().kind == kind && members.contains(&e.target()))
                .collect();
            edges.sort_by_key(|e| self.graph[e.target()]);
            for e in edges {
                let next = e.target();
                if came_from.contains_key(&next) {
                    continue;
                }
                came_from.insert(next, (at, e.weight().span));
                if next == start {
                    // Walk back from start to start.
                    let mut path = Vec::new();
                    let mut cur = start;
                    loop {
                        let (prev, span) = *came_from.get(&cur)?;
                        path.push((self.graph[prev], span));
                        cur = prev;
                        if cur == start {
                            break;
                        }
                    }
                    path.reverse();
                    return Some(path);
                }
                queue.push_back(next);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compile, Input, Options};
    use chrono::NaiveDate;

    /// The graph as it was built before resolution recorded its results: every reference
    /// looked up again by name. The oracle of the table-built graph.
    fn by_name(m: &Model) -> Vec<(Node, Node, EdgeKind, Span)> {
        let mut out = Vec::new();
        let get = |kind, r: &Ref| m.index.get(kind, &r.name);
        for (i, a) in m.assets.iter().enumerate() {
            for r in &a.depends_on {
                if let Some(j) = get(Kind::Asset, r) {
                    out.push((Node::Asset(i), Node::Asset(j), EdgeKind::DependsOn, r.span));
                }
            }
        }
        for (i, risk) in m.risks.iter().enumerate() {
            for r in &risk.assets {
                if let Some(j) = get(Kind::Asset, r) {
                    out.push((Node::Asset(j), Node::Risk(i), EdgeKind::AssessedBy, r.span));
                }
            }
            for r in risk.treatment.iter().flat_map(|t| &t.controls) {
                if let Some(j) = m.slot_index(&r.name) {
                    out.push((Node::Risk(i), Node::Control(j), EdgeKind::TreatedBy, r.span));
                }
            }
        }
        for (i, req) in m.requirements.iter().enumerate() {
            for r in &req.controls {
                if let Some(j) = m.slot_index(&r.name) {
                    out.push((
                        Node::Requirement(i),
                        Node::Control(j),
                        EdgeKind::Requires,
                        r.span,
                    ));
                }
            }
        }
        for (i, p) in m.policies.iter().enumerate() {
            for r in &p.implements {
                if let Some(j) = m.slot_index(&r.name) {
                    out.push((
                        Node::Policy(i),
                        Node::Control(j),
                        EdgeKind::Implements,
                        r.span,
                    ));
                }
            }
            if let Some(r) = &p.parent {
                if let Some(j) = get(Kind::Policy, r) {
                    out.push((Node::Policy(i), Node::Policy(j), EdgeKind::Parent, r.span));
                }
            }
        }
        out
    }

    fn edges(t: &Trace) -> Vec<(Node, Node, EdgeKind, Span)> {
        t.graph
            .edge_references()
            .map(|e| {
                let w = e.weight();
                (t.graph[e.source()], t.graph[e.target()], w.kind, w.span)
            })
            .collect()
    }

    fn example() -> Vec<Input> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");
        let found = crate::project::discover(std::path::Path::new(root));
        assert!(found.files.len() > 8 && found.problems.is_empty());
        found
            .files
            .iter()
            .map(|f| Input::new(f.name.clone(), std::fs::read(&f.path).unwrap()))
            .collect()
    }

    #[test]
    fn the_graph_from_the_table_equals_the_graph_by_name_on_the_example() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let c = compile(example(), &Options { today });
        let expected = by_name(&c.model);
        assert!(
            expected.len() > 20,
            "the example has {} edges",
            expected.len()
        );
        assert_eq!(edges(&c.trace), expected);
    }

    #[test]
    fn a_reference_of_the_wrong_kind_makes_no_edge() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let text = "role app \"App\"\nasset db \"DB\" {\n  kind software\n  depends_on app\n}\n";
        let c = compile(vec![Input::new("a.isms", text)], &Options { today });
        assert!(edges(&c.trace).is_empty());
        assert_eq!(by_name(&c.model), edges(&c.trace));
    }
}
