/// Maps positions inside a code block's text back to the guide file.
///
/// cmark strips each content line's container prefix (list indentation, `> `, fence
/// indentation). The prefix is recovered per line by finding the content line as a suffix of
/// its source line, which stays right for blocks indented less than their fence, inside
/// block quotes and in list items; if that fails (tabs expanded by cmark) the fence's column
/// is used.
struct BlockLineMap: Sendable {
    let source: PreparedSource
    let firstLine: Int
    let prefixes: [Int]
    let lines: [Substring]

    init(source: PreparedSource, content: String, firstLine: Int, fallbackPrefix: Int) {
        self.source = source
        self.firstLine = firstLine
        var lines = content.lines()
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        prefixes = lines.enumerated().map { offset, line in
            let sourceLine = source.resolvedLineSlice(firstLine + offset)
            let content = line.utf8.last == 0x0D ? line.dropLast() : line
            // Compared as bytes: Character comparison (grapheme breaking) dominated here.
            guard let prefixEnd = sourceLine.startOfByteSuffix(content) else { return fallbackPrefix }
            return sourceLine.scalarDistance(from: sourceLine.startIndex, to: prefixEnd)
        }
    }

    /// `line` is 1-based within the block, `column` a 1-based scalar column within that line.
    func location(line: Int, column: Int) -> SourceLocation {
        guard !prefixes.isEmpty else { return source.location(line: firstLine, resolvedColumn: column) }
        let index = min(max(line - 1, 0), prefixes.count - 1)
        return source.location(line: firstLine + index, resolvedColumn: prefixes[index] + column)
    }

    /// Original-file length of `length` scalars starting at a block position.
    func originalLength(line: Int, column: Int, length: Int) -> Int {
        guard !prefixes.isEmpty else { return length }
        let index = min(max(line - 1, 0), prefixes.count - 1)
        return source.originalLength(line: firstLine + index, resolvedColumn: prefixes[index] + column,
                                     resolvedLength: length)
    }

    func located(_ text: String, line: Int, column: Int, length: Int? = nil) -> Located<String> {
        let length = length ?? text.unicodeScalars.count
        return Located(text, at: location(line: line, column: column),
                       length: originalLength(line: line, column: column, length: length))
    }
}
