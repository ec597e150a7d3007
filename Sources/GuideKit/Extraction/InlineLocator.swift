/// Finds inline text (labels, code spans) in the source lines of a block. cmark 0.30 gives
/// inline nodes no positions, so they are found again left to right from a cursor, which
/// yields exact columns even when the same text occurs twice on a line.
struct InlineLocator {
    let source: PreparedSource

    /// Finds `needle` in the resolved lines at or after `cursor`, and moves the cursor past it.
    func find(_ needle: String, in lines: ClosedRange<Int>, from cursor: inout (line: Int, column: Int)) -> Located<String>? {
        let needleScalars = Array(needle.unicodeScalars)
        guard !needleScalars.isEmpty else { return nil }
        for line in max(cursor.line, lines.lowerBound)...lines.upperBound {
            let scalars = Array(source.resolvedLine(line).unicodeScalars)
            let from = line == cursor.line ? cursor.column - 1 : 0
            guard scalars.count >= needleScalars.count, from <= scalars.count - needleScalars.count else { continue }
            for start in from...(scalars.count - needleScalars.count)
            where scalars[start..<(start + needleScalars.count)].elementsEqual(needleScalars) {
                cursor = (line, start + needleScalars.count + 1)
                let location = source.location(line: line, resolvedColumn: start + 1)
                let length = source.originalLength(line: line, resolvedColumn: start + 1, resolvedLength: needleScalars.count)
                return Located(needle, at: location, length: length)
            }
        }
        return nil
    }
}
