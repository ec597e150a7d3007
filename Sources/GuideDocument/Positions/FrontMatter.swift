/// Hugo-style YAML front matter: the lines between a first line `---` and the next `---`.
///
/// cmark does not know front matter (it would render a rule and a heading), so the prepared
/// text handed to cmark has these lines blanked. Blank lines keep every later line number
/// identical to the file's, which is simpler and safer than carrying an offset around.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the delimiters.
    public var yaml: String
    /// Line of the opening `---` (always 1) and of the closing delimiter.
    public var openingLine: Int
    public var closingLine: Int

    /// Finds front matter at the top of `lines` (the file split on "\n").
    static func detect(in lines: [Substring]) -> FrontMatter? {
        guard let first = lines.first, isDelimiter(first) else { return nil }
        for index in lines.indices.dropFirst() where isDelimiter(lines[index]) || trimmed(lines[index]) == "..." {
            // The lines are slices of one text split at line feeds: the body is one slice of it.
            let body = index > 1 ? String(first.base[lines[1].startIndex..<lines[index - 1].endIndex]) : ""
            return FrontMatter(yaml: body, openingLine: 1, closingLine: index + 1)
        }
        return nil
    }

    private static func isDelimiter(_ line: Substring) -> Bool { trimmed(line) == "---" }

    /// Without trailing spaces, tabs and carriage returns (bytes: every line of the front
    /// matter is looked at, and Character stepping showed in profiles).
    private static func trimmed(_ line: Substring) -> Substring {
        let bytes = line.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let before = bytes.index(before: end)
            let byte = bytes[before]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { break }
            end = before
        }
        return line[line.startIndex..<end]
    }
}
