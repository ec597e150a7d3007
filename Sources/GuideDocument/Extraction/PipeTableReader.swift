/// Reads two-column pipe tables (`| Setting | Value |`), the form many documentation sites
/// give assumptions and an application's settings in, as the same `Label: value` items a list
/// gives.
///
/// GuideKit's cmark is plain CommonMark: a table arrives as a paragraph of `|` lines, so the
/// rows are read from the paragraph's source lines, which also gives exact columns. The first
/// row is the header (GitHub Flavored Markdown, section 4.10) and is not an item.
struct PipeTableReader {
    let source: PreparedSource

    /// The rows of the table in `lines`, or nil when the lines are not a two-column table (a
    /// header row, then a delimiter row of dashes).
    func read(lines: ClosedRange<Int>) -> [ListItemReader.Item]? {
        guard lines.count >= 3 else { return nil }
        let header = cells(of: source.resolvedLineSlice(lines.lowerBound))
        let delimiter = cells(of: source.resolvedLineSlice(lines.lowerBound + 1))
        // Two columns, a label and its value: wider tables describe (a format, options).
        guard header.count == 2, delimiter.count == header.count,
              delimiter.allSatisfy({ Self.isDelimiterCell($0.text) }) else { return nil }
        var items: [ListItemReader.Item] = []
        for line in (lines.lowerBound + 2)...lines.upperBound {
            let row = cells(of: source.resolvedLineSlice(line))
            guard row.count == 2 else { continue }
            if let item = item(label: row[0], value: row[1], line: line) { items.append(item) }
        }
        return items
    }

    private struct Cell {
        var text: Substring
        /// 1-based scalar column of the cell's first non-space scalar (line as cmark read it).
        var column: Int
    }

    /// The cells of one row: split at `|` outside code spans and not escaped; the outer pipes
    /// are optional.
    private func cells(of line: Substring) -> [Cell] {
        let scalars = Array(line.unicodeScalars)
        var cells: [Cell] = []
        var start = 0
        var index = 0
        var codeRun = 0  // length of the backtick run that opened the current code span
        // A leading pipe opens the row rather than ending a cell.
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        guard start < scalars.count, scalars.contains("|") else { return [] }
        if scalars[start] == "|" { start += 1 }
        index = start
        func close(at end: Int) {
            var from = start, to = end
            while from < to, scalars[from] == " " || scalars[from] == "\t" { from += 1 }
            while to > from, scalars[to - 1] == " " || scalars[to - 1] == "\t" || scalars[to - 1] == "\r" { to -= 1 }
            cells.append(Cell(text: Substring(String(String.UnicodeScalarView(scalars[from..<to]))), column: from + 1))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "`" {
                var run = 0
                while index < scalars.count, scalars[index] == "`" { run += 1; index += 1 }
                codeRun = codeRun == 0 ? run : (codeRun == run ? 0 : codeRun)
                continue
            }
            // A backslash escapes the next character, except inside a code span (GFM 4.10:
            // only a pipe needs escaping there, and `\|` is still read as a pipe in the value).
            if scalar == "\\", codeRun == 0 { index += 2; continue }
            if scalar == "|", codeRun == 0 {
                close(at: index)
                start = index + 1
            }
            index += 1
        }
        // Text after the last pipe is a cell unless it is empty (the closing pipe).
        if start < scalars.count, !scalars[start...].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { close(at: scalars.count) }
        return cells
    }

    static func isDelimiterCell(_ text: Substring) -> Bool {
        let core = text.drop { $0 == ":" }.reversed().drop { $0 == ":" }
        return !core.isEmpty && core.allSatisfy { $0 == "-" }
    }

    /// A row as an item: the label without emphasis or a trailing colon; the value a code span
    /// when written as one (a setting's value), else the cell's text.
    private func item(label: Cell, value: Cell, line: Int) -> ListItemReader.Item? {
        let (labelText, labelOffset) = Self.unwrapped(label.text, markers: ["**", "__", "`", "*", "_"])
        var labelValue = labelText
        if labelValue.hasSuffix(":") { labelValue = Substring(labelValue.dropLast().trimmingSpaces()) }
        guard !labelValue.isEmpty else { return nil }
        let labelColumn = label.column + labelOffset
        let located = Located(String(labelValue), at: source.location(line: line, resolvedColumn: labelColumn),
                              length: source.originalLength(line: line, resolvedColumn: labelColumn, resolvedLength: labelValue.unicodeScalars.count))
        let isCode = value.text.hasPrefix("`") && value.text.hasSuffix("`") && value.text.count >= 2
        let (valueText, valueOffset) = isCode ? Self.unwrapped(value.text, markers: ["``", "`"])
            : Self.unwrapped(value.text, markers: ["**", "__"])
        guard !valueText.isEmpty else { return ListItemReader.Item(label: located, value: nil, valueIsCode: false) }
        let valueColumn = value.column + valueOffset
        let valueLocated = Located(String(valueText), at: source.location(line: line, resolvedColumn: valueColumn),
                                   length: source.originalLength(line: line, resolvedColumn: valueColumn, resolvedLength: valueText.unicodeScalars.count))
        return ListItemReader.Item(label: located, value: valueLocated, valueIsCode: isCode)
    }

    /// The text inside the first marker pair that encloses all of it (`**Label**`), with the
    /// scalars skipped at the start; spaces inside a code span's backticks are trimmed.
    static func unwrapped(_ text: Substring, markers: [String]) -> (Substring, Int) {
        for marker in markers where text.count > 2 * marker.count && text.hasPrefix(marker) && text.hasSuffix(marker) {
            let inner = text.dropFirst(marker.count).dropLast(marker.count)
            let trimmed = inner.trimmingSpaces()
            let leading = inner.unicodeScalars.count - inner.drop { $0 == " " }.unicodeScalars.count
            return (Substring(trimmed), marker.count + leading)
        }
        return (text, 0)
    }
}
