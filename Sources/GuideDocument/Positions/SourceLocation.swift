/// A place in a guide file, as a reader counts it.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars (characters as most editors
/// show them), not bytes. cmark reports byte columns and is converted on the way in.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }

    /// `path:line:column`, or `path` alone: the one way GuideKit names a place in a file, as
    /// compilers do (editors and CI annotations parse it).
    public static func place(_ path: String, _ location: SourceLocation?) -> String {
        location.map { "\(path):\($0.line):\($0.column)" } ?? path
    }
}

/// A located piece of text taken from a guide: the value plus where it was written.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var location: SourceLocation
    /// Length of the span in the original file, in Unicode scalars (for caret underlines).
    public var length: Int

    public init(_ value: Value, at location: SourceLocation, length: Int = 1) {
        self.value = value
        self.location = location
        self.length = max(1, length)
    }
}
