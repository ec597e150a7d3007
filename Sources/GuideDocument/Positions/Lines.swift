extension StringProtocol {
    /// The text split at every line feed, keeping empty lines (and a `\r` before the `\n`).
    ///
    /// Not `split(separator: "\n")`: Swift treats `"\r\n"` as one Character, which is not
    /// equal to `"\n"`, so a file with Windows line endings would come back as one line.
    /// Splitting on Unicode scalars sees every line feed.
    public func lines() -> [SubSequence] {
        // Bytes, not characters: a newline byte is never part of a longer UTF-8 sequence, and
        // "\r\n" must split too (it is one Character).
        let bytes = utf8
        // Fast path: find the line feeds in contiguous UTF-8 with raw byte offsets.
        let offsets: [Int]? = bytes.withContiguousStorageIfAvailable { buffer in
            var found: [Int] = []
            String.forEachLineFeed(in: buffer) { found.append($0) }
            return found
        }
        var lines: [SubSequence] = []
        var start = startIndex
        if let offsets {
            lines.reserveCapacity(offsets.count + 1)
            var previous = 0
            var cursor = bytes.startIndex
            for offset in offsets {
                cursor = bytes.index(cursor, offsetBy: offset - previous)
                lines.append(self[start..<cursor])
                start = bytes.index(after: cursor)
                previous = offset
            }
            lines.append(self[start..<endIndex])
            return lines
        }
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

extension Collection where Element == UInt8 {
    /// Where `needle` first occurs at or after `start` (byte search: UTF-8 text is searched
    /// without Foundation, and a match of valid UTF-8 always starts on a character boundary).
    func firstIndex(ofBytes needle: [UInt8], from start: Index) -> Index? {
        guard let first = needle.first else { return start }
        var index = start
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].starts(with: needle) { return found }
            index = self.index(after: found)
        }
        return nil
    }

}
