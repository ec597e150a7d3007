#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Literal substring search on UTF-8 bytes (`containsLiteral`, `literalRange(of:)`,
/// `containsByte`), for the many searches of the parser and the rules. They have their own
/// names, so a call says which search it means: earlier these were overloads of `contains`
/// and `range(of:)` that silently won over Foundation's inside one module only. Why not
/// Foundation's: they go through NSString and a locale-aware comparison; profiling `check`
/// over a 1,000-guide tree put that search at 18 % of all samples. Every needle GuideKit
/// searches for is literal text (punctuation, keys, host names), and for those a byte match is
/// exactly the meaning wanted: UTF-8 is self-synchronising, so a match of a valid needle in
/// valid text starts and ends on scalar boundaries. (Foundation would also match canonically
/// equivalent spellings, such as a decomposed `é`; no needle here has one.)
extension StringProtocol {
    /// Whether `needle` occurs in the text, byte for byte.
    package func containsLiteral(_ needle: String) -> Bool {
        literalByteOffset(of: needle) != nil
    }

    /// The first occurrence of `needle`, byte for byte.
    package func literalRange(of needle: String) -> Range<Index>? {
        guard let offset = literalByteOffset(of: needle) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Byte offset of the first occurrence of `needle` in the UTF-8 text.
    func literalByteOffset(of needle: String) -> Int? {
        var needle = needle
        if needle.isEmpty { return 0 }
        let fast: Int?? = utf8.withContiguousStorageIfAvailable { haystack in
            needle.withUTF8 { pattern in Self.search(pattern, in: haystack) }
        }
        if let fast { return fast }
        // Text that is not contiguous UTF-8 (bridged strings): the generic byte search.
        guard let found = utf8.firstIndex(ofBytes: Array(needle.utf8), from: utf8.startIndex) else { return nil }
        return utf8.distance(from: utf8.startIndex, to: found)
    }

    /// memchr for the needle's first byte, memcmp for the rest (glibc's memmem is not in
    /// Swift's Glibc module).
    static func search(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, let first = pattern.first, haystack.count >= pattern.count else { return nil }
        let lastStart = haystack.count - pattern.count
        var offset = 0
        while offset <= lastStart {
            guard let hit = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if pattern.count == 1 || memcmp(base + at + 1, pattern.baseAddress! + 1, pattern.count - 1) == 0 { return at }
            offset = at + 1
        }
        return nil
    }
}

extension Substring {
    /// Where `suffix` starts when the text ends with it byte for byte, else nil.
    func startOfByteSuffix(_ suffix: Substring) -> String.Index? {
        let bytes = utf8, suffixBytes = suffix.utf8
        let count = suffixBytes.count
        guard bytes.count >= count else { return nil }
        let start = bytes.index(bytes.endIndex, offsetBy: -count)
        let equal = bytes[start...].withContiguousStorageIfAvailable { mine in
            suffixBytes.withContiguousStorageIfAvailable { theirs in
                count == 0 || memcmp(mine.baseAddress!, theirs.baseAddress!, count) == 0
            }
        }
        guard (equal ?? nil) ?? bytes[start...].elementsEqual(suffixBytes) else { return nil }
        return start
    }
}

extension String {
    /// The text of a run of scalars, encoded straight to UTF-8: building it through
    /// `String.UnicodeScalarView` appends scalar by scalar and showed up in profiles of every
    /// reader that works on scalar arrays (info strings, assignments, shortcodes).
    package init<Scalars: Sequence<Unicode.Scalar>>(scalars: Scalars) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// Calls `body` with the offset of every line feed in `bytes`, in order, found with
    /// memchr: a byte loop over every file was a visible cost (every file and code block is
    /// split into lines, and several searches count lines per guide).
    static func forEachLineFeed(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var position = 0
        while position < bytes.count, let hit = memchr(base + position, 0x0A, bytes.count - position) {
            let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            body(offset)
            position = offset + 1
        }
    }

    /// The number of line feeds in `bytes`.
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEachLineFeed(in: bytes) { _ in count += 1 }
        return count
    }

    /// The 1-based numbers of the lines (split at line feeds) on which `needle` occurs, in
    /// order, each once: one search through the whole text instead of one per line.
    package func lineNumbers(containing needle: String) -> [Int] {
        guard !needle.isEmpty else { return [] }
        var text = self, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                var found: [Int] = []
                var line = 1, counted = 0, offset = 0
                while offset < haystack.count,
                      let hit = Self.search(pattern, in: UnsafeBufferPointer(rebasing: haystack[offset...])).map({ $0 + offset }) {
                    line += Self.lineFeeds(in: UnsafeBufferPointer(rebasing: haystack[counted..<hit]))
                    found.append(line)
                    // Go on from the next line: one entry per line.
                    guard let newline = haystack[hit...].firstIndex(of: 0x0A) else { break }
                    counted = newline + 1
                    line += 1
                    offset = newline + 1
                }
                return found
            }
        }
    }
}

extension String.UTF8View {
    /// Whether the byte occurs: memchr on contiguous UTF-8. Chosen over the generic
    /// `Sequence.contains` (a concrete type's method ranks first), which walked the view one
    /// index at a time and showed in profiles (scalar typing, scope lists).
    package func containsByte(_ byte: UInt8) -> Bool {
        let found: Bool? = withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
        return found ?? contains(where: { $0 == byte })
    }
}
