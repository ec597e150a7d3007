/// Finds inline text (labels, code spans) in the source lines of a block. cmark 0.30 gives
/// inline nodes no positions, so they are found again left to right from a cursor, which
/// yields exact columns even when the same text occurs twice on a line.
struct InlineLocator {
    let source: PreparedSource

    /// Finds `needle` in the resolved lines at or after `cursor`, right after `prefix` when one
    /// is given (a link destination right after its `](`, not the same text in the link's
    /// words), and moves the cursor past it. The result locates `needle` alone.
    func find(_ needle: String, after prefix: String = "", in lines: ClosedRange<Int>,
              from cursor: inout (line: Int, column: Int)) -> Located<String>? {
        let needleLength = needle.unicodeScalars.count
        let prefixLength = prefix.unicodeScalars.count
        let whole = prefix + needle
        let firstLine = max(cursor.line, lines.lowerBound)
        guard !needle.isEmpty, firstLine <= lines.upperBound else { return nil }
        for line in firstLine...lines.upperBound {
            let text = source.resolvedLineSlice(line)
            let skip = line == cursor.line ? cursor.column - 1 : 0
            guard let from = text.scalarIndex(text.startIndex, offsetBy: skip, limitedBy: text.endIndex),
                  let found = text[from...].literalRange(of: whole)?.lowerBound else { continue }
            let start = text.scalarDistance(from: text.startIndex, to: found) + prefixLength
            cursor = (line, start + needleLength + 1)
            let location = source.location(line: line, resolvedColumn: start + 1)
            let length = source.originalLength(line: line, resolvedColumn: start + 1, resolvedLength: needleLength)
            return Located(needle, at: location, length: length)
        }
        return nil
    }
}
