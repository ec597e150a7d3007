extension StringProtocol {
    /// The text split at every line feed, keeping empty lines (and a `\r` before the `\n`).
    ///
    /// Not `split(separator: "\n")`: Swift treats `"\r\n"` as one Character, which is not
    /// equal to `"\n"`, so a file with Windows line endings would come back as one line.
    /// Splitting on Unicode scalars sees every line feed.
    public func lines() -> [SubSequence] {
        var lines: [SubSequence] = []
        var start = startIndex
        var index = unicodeScalars.startIndex
        while index < unicodeScalars.endIndex {
            if unicodeScalars[index] == "\n" {
                lines.append(self[start..<index])
                start = unicodeScalars.index(after: index)
            }
            index = unicodeScalars.index(after: index)
        }
        lines.append(self[start..<endIndex])
        return lines
    }
}
