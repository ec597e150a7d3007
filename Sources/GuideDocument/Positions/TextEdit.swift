/// A replacement of a span of one line: the unit every substitution is made of.
public struct TextEdit: Sendable, Equatable {
    public var line: Int
    /// 1-based scalar column and length in scalars, in the text being edited.
    public var column: Int
    public var length: Int
    public var replacement: String

    public init(line: Int, column: Int, length: Int, replacement: String) {
        self.line = line
        self.column = column
        self.length = length
        self.replacement = replacement
    }

    /// Applies non-overlapping edits to `text`. Overlapping edits keep the first given
    /// (structural edits are listed before token edits, so they win).
    public static func apply(_ edits: [TextEdit], to text: String) -> String {
        var lines = text.lines().map { Array($0.unicodeScalars) }
        var accepted: [Int: [TextEdit]] = [:]
        for edit in edits where edit.line >= 1 && edit.line <= lines.count {
            let existing = accepted[edit.line] ?? []
            let overlaps = existing.contains { edit.column < $0.column + max($0.length, 1) && $0.column < edit.column + max(edit.length, 1) }
            if !overlaps { accepted[edit.line, default: []].append(edit) }
        }
        for (line, edits) in accepted {
            var scalars = lines[line - 1]
            for edit in edits.sorted(by: { $0.column > $1.column }) {
                let start = min(max(edit.column - 1, 0), scalars.count)
                let end = min(start + edit.length, scalars.count)
                scalars.replaceSubrange(start..<end, with: Array(edit.replacement.unicodeScalars))
            }
            lines[line - 1] = scalars
        }
        return lines.map { String(scalars: $0) }.joined(separator: "\n")
    }
}
