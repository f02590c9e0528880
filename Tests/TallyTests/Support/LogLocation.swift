@testable import Tally

/// Tally's `SourceLocation` (file and line of an event-log line), named so
/// that files importing Swift Testing, which has its own `SourceLocation`,
/// can use it. (`Tally.SourceLocation` doesn't work: the module has a type
/// named `Tally`.)
typealias LogLocation = SourceLocation
