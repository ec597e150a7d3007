/// Column arithmetic in Unicode scalars, counted on the UTF-8 bytes.
///
/// Every column GuideKit reports counts Unicode scalars. `unicodeScalars.distance` and
/// `index(_:offsetBy:)` decode each scalar on the way; on contiguous UTF-8 a scalar starts at
/// every byte that is not a continuation byte (`10xxxxxx`), so a byte loop gives the same
/// count (Swift strings are always valid UTF-8). Profiling put scalar decoding in the
/// parser's column work at about 1.5 % of `check`'s samples.
extension StringProtocol {
    /// The number of scalars from `start` to `end` (both on scalar boundaries, `start <= end`).
    func scalarDistance(from start: Index, to end: Index) -> Int {
        let counted: Int? = self[start..<end].utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        return counted ?? unicodeScalars.distance(from: start, to: end)
    }

    /// The index `offset` scalars after `start`, or nil when that passes `limit`.
    func scalarIndex(_ start: Index, offsetBy offset: Int, limitedBy limit: Index) -> Index? {
        guard offset > 0 else { return offset == 0 ? start : nil }
        let byteOffset: Int?? = self[start..<limit].utf8.withContiguousStorageIfAvailable { bytes in
            var scalars = 0
            for (position, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                if scalars == offset { return position }
                scalars += 1
            }
            return scalars == offset ? bytes.count : nil
        }
        guard let byteOffset else { return unicodeScalars.index(start, offsetBy: offset, limitedBy: limit) }
        return byteOffset.map { utf8.index(start, offsetBy: $0) }
    }
}
