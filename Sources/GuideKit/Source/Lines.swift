extension StringProtocol {
    /// The text split at every line feed, keeping empty lines (and a `\r` before the `\n`).
    ///
    /// Not `split(separator: "\n")`: Swift treats `"\r\n"` as one Character, which is not
    /// equal to `"\n"`, so a file with Windows line endings would come back as one line.
    /// Splitting on Unicode scalars sees every line feed.
    public func lines() -> [SubSequence] {
        // Bytes, not characters: a newline byte is never part of a longer UTF-8 sequence, and
        // "\r\n" must split too (it is one Character).
        var lines: [SubSequence] = []
        var start = startIndex
        let bytes = utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                lines.append(self[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        lines.append(self[start..<endIndex])
        return lines
    }
}
