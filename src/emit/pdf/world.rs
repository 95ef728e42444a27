//! The smallest `typst::World` that compiles one generated source: the fonts embedded
//! from typst-assets, no files, no packages, and "today" the document's build date (the
//! markup never asks for it, but nothing may read the clock).

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};

pub struct World {
    main: Source,
    today: Option<Datetime>,
}

/// What every compilation shares, made once per process: the standard library and the
/// embedded fonts.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

impl World {
    pub fn new(source: String, built: NaiveDate) -> World {
        let id = FileId::new(None, VirtualPath::new("document.typ"));
        World {
            main: Source::new(id, source),
            today: date(built),
        }
    }
}

/// A chrono date as typst's.
pub fn date(d: NaiveDate) -> Option<Datetime> {
    Datetime::from_ymd(
        d.year(),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
}

impl typst::World for World {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        // The markup reads no files (no images, no includes).
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        self.today
    }
}
