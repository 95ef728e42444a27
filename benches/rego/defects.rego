# The four seeded defect kinds of benches/compare.sh, as Rego (v1) rules over the JSON model
# (given as `input`). `defects` is the same {code: count} object as the jq rules there:
# every occurrence counts once, so a risk with both likelihood and impact off the scale
# counts twice, as in jq.
package isms

# The IDs an owner may name: roles and persons.
owners := {r.id | some r in input.roles} | {p.id | some p in input.persons}

# One element per occurrence: [risk index, field, code]. The index and field keep equal
# codes of different risks, or of two fields of one risk, apart in the set.
occurrences contains [i, "owner", "risk/missing-owner"] if {
	some i, r in input.risks
	object.get(r, "owner", null) == null
}

occurrences contains [i, "treatment", "risk/missing-treatment"] if {
	some i, r in input.risks
	object.get(r, "treatment", null) == null
}

occurrences contains [i, "owner", "ref/unknown"] if {
	some i, r in input.risks
	owner := object.get(r, "owner", null)
	owner != null
	not owner in owners
}

occurrences contains [i, field, "value/out-of-scale"] if {
	some i, r in input.risks
	some field in ["likelihood", "impact"]
	out_of_scale(object.get(r, field, null))
}

# jq orders null and booleans below numbers and strings, arrays and objects above them, so
# `v < 1 or v > 5` holds there for every value that is not a number.
out_of_scale(v) if not is_number(v)

out_of_scale(v) if v < 1

out_of_scale(v) if v > 5

codes := {o[2] | some o in occurrences}

defects := {code: count(occurrences_of(code)) | some code in codes}

# A function rather than a nested comprehension: regorus 0.12 cannot schedule the inner
# comprehension's reference to `code` of the outer one.
occurrences_of(code) := {o | some o in occurrences; o[2] == code}
