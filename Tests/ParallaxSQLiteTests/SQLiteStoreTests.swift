import Testing
@testable import ParallaxSQLite
