import GRDB
import ParallaxCore

/// The default ``CorpusStore``: one SQLite file through GRDB (being written).
public enum ParallaxSQLite {}
