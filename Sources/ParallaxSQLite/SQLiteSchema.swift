import GRDB

/// The named migrations of the corpus database. A migration is never edited after it lands; a change of schema is
/// a new migration appended here (see docs/SCHEMA.md).
enum SQLiteSchema {
    /// The schema version written into `meta` by the latest migration.
    static let version = 2

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-corpus") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-story-of-article") { db in
            try db.execute(sql: v2)
        }
        return migrator
    }

    /// A covering index from an article's sequence to its story: `stories --search` maps every matching article to
    /// its story, and reading `story` from the row itself walks past the text (often into overflow pages).
    private static let v2 = """
        CREATE INDEX article_story_of ON article (sequence, story);
        UPDATE meta SET value = 2 WHERE key = 'schema_version';
        """

    private static let v1 = """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value
        ) WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES
            ('schema_version', 1), ('article_count', 0), ('copy_count', 0), ('document_count', 0);

        CREATE TABLE outlet (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            article_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX outlet_name_nocase ON outlet (name COLLATE NOCASE);

        CREATE TABLE story (
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            article_count INTEGER NOT NULL,
            outlets TEXT NOT NULL DEFAULT '[]',
            countries TEXT NOT NULL DEFAULT '[]',
            first_day TEXT,
            last_day TEXT,
            merged_into INTEGER REFERENCES story (key),
            stale INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX story_live_by_size ON story (article_count DESC, last_day DESC, id) WHERE merged_into IS NULL;
        CREATE INDEX story_live_stale ON story (key) WHERE stale AND merged_into IS NULL;

        CREATE TABLE article (
            sequence INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            outlet INTEGER REFERENCES outlet (id),
            country TEXT,
            url TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            day INTEGER,
            language TEXT,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            text_bytes INTEGER NOT NULL,
            story INTEGER REFERENCES story (key),
            copy_of INTEGER REFERENCES article (sequence)
        );
        CREATE INDEX article_by_day ON article (day, sequence);
        CREATE INDEX article_by_story ON article (story, day, sequence);
        CREATE INDEX article_by_outlet ON article (outlet, day, sequence);
        CREATE INDEX article_by_country ON article (country COLLATE NOCASE, day, sequence);

        CREATE TABLE annotation (
            article INTEGER PRIMARY KEY REFERENCES article (sequence) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            blob BLOB NOT NULL
        );

        CREATE VIRTUAL TABLE article_fts USING fts5 (
            title, text, content = 'article', content_rowid = 'sequence',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
            INSERT INTO article_fts (rowid, title, text) VALUES (new.sequence, new.title, new.text);
        END;
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.sequence, old.title, old.text);
        END;
        CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON article BEGIN
            INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.sequence, old.title, old.text);
            INSERT INTO article_fts (rowid, title, text) VALUES (new.sequence, new.title, new.text);
        END;

        CREATE TABLE story_merge (
            id INTEGER PRIMARY KEY,
            from_story INTEGER NOT NULL REFERENCES story (key),
            into_story INTEGER NOT NULL REFERENCES story (key),
            at_article_count INTEGER NOT NULL,
            made_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );

        CREATE TABLE story_analysis (
            story INTEGER PRIMARY KEY REFERENCES story (key),
            version INTEGER NOT NULL,
            json BLOB NOT NULL,
            made_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );

        CREATE TABLE ingest_issue (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            input TEXT NOT NULL,
            location TEXT,
            message TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ingest_issue_once ON ingest_issue (input, coalesce(location, ''), message);

        CREATE TABLE term (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL UNIQUE,
            df INTEGER NOT NULL
        );
        CREATE TABLE story_term (
            term_id INTEGER NOT NULL,
            story_key INTEGER NOT NULL,
            PRIMARY KEY (term_id, story_key DESC)
        ) WITHOUT ROWID;
        CREATE INDEX story_term_by_story ON story_term (story_key);
        CREATE TABLE story_centroid (
            story_key INTEGER PRIMARY KEY REFERENCES story (key),
            state BLOB NOT NULL
        );
        CREATE TABLE copy_band (
            band_key INTEGER NOT NULL,
            article INTEGER NOT NULL REFERENCES article (sequence),
            PRIMARY KEY (band_key, article)
        ) WITHOUT ROWID;
        CREATE TABLE copy_exact (
            exact_key INTEGER PRIMARY KEY,
            article INTEGER NOT NULL REFERENCES article (sequence)
        );
        """
}
