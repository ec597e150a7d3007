/// The cost parameters of a yescrypt digest (`$y$PARAMS$SALT$HASH`), read as libxcrypt reads
/// them (`yescrypt_r` and `decode64_uint32` in lib/alg-yescrypt-common.c of
/// besser82/libxcrypt): a flavour, N as log2 (at least 1), r, then optionally a `have` bit
/// set followed by p (bit 1, at least 2), t (bit 2), g (bit 4) and NROM as log2 (bit 8). Each
/// number is a variable-length base-64 integer in crypt's alphabet `./0-9A-Za-z`. Parameters
/// `yescrypt_kdf` refuses (g, NROM, r × p ≥ 2^30) are refused here too.
///
/// Reading them lets the cost guard refuse `$y$j75/zyxvrD$…` (2^30 passes over the memory)
/// before any work, as it does for every other format.
public struct YescryptParameters: Sendable, Equatable {
    public var flavor: UInt32
    public var logN: UInt32
    public var r: UInt32
    public var p: UInt32 = 1
    public var t: UInt32 = 0
    public var g: UInt32 = 0
    public var logNROM: UInt32 = 0

    /// The parameters field (between `$y$` and the salt); nil when libxcrypt would refuse it.
    public init?(_ field: Substring) {
        var bytes = Array(field.utf8)[...]
        func number(_ minimum: UInt32) -> UInt32? { Self.decode(&bytes, minimum: minimum) }
        guard let flavor = number(0), let logN = number(1), logN <= 63, let r = number(1) else { return nil }
        self.flavor = flavor
        self.logN = logN
        self.r = r
        if !bytes.isEmpty {
            guard let have = number(1) else { return nil }
            if have & 1 != 0 { guard let value = number(2) else { return nil }; p = value }
            if have & 2 != 0 { guard let value = number(1) else { return nil }; t = value }
            if have & 4 != 0 { guard let value = number(1) else { return nil }; g = value }
            if have & 8 != 0 { guard let value = number(1), value <= 63 else { return nil }; logNROM = value }
        }
        guard bytes.isEmpty else { return nil }
        // What `yescrypt_kdf` refuses under crypt(3): hash upgrades (g), a ROM (none is
        // shared), r × p of 2^30 or more, N below 4.
        guard g == 0, logNROM == 0, UInt64(r) * UInt64(p) < 1 << 30, logN >= 2 else { return nil }
    }

    /// crypt's base-64 alphabet value of one byte, or nil.
    static func value(of byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "/"): UInt32(byte - UInt8(ascii: "."))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0")) + 2
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(byte - UInt8(ascii: "A")) + 12
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(byte - UInt8(ascii: "a")) + 38
        default: nil
        }
    }

    /// One variable-length number: the first character says how many follow (0–47: none,
    /// then ever shorter ranges for 1, 2, … more characters of 6 bits each).
    static func decode(_ bytes: inout ArraySlice<UInt8>, minimum: UInt32) -> UInt32? {
        guard let first = bytes.popFirst(), let c = value(of: first) else { return nil }
        var start: UInt64 = 0, end: UInt64 = 47, chars = 1, bits: UInt64 = 0
        var result = UInt64(minimum)
        while UInt64(c) > end {
            result += (end + 1 - start) << bits
            start = end + 1
            end = start + (62 - end) / 2
            chars += 1
            bits += 6
        }
        result += (UInt64(c) - start) << bits
        while chars > 1 {
            chars -= 1
            guard let next = bytes.popFirst(), let c = value(of: next) else { return nil }
            bits -= 6
            result += UInt64(c) << bits
        }
        return result <= UInt64(UInt32.max) ? UInt32(result) : nil
    }

    /// Bytes one computation allocates: 128 × r × N (the scrypt-like V array), plus 128 × r
    /// per thread (p), plus for the RW flavours their S-boxes (about 12 KiB) per thread.
    public var memoryBytes: Double {
        128 * Double(r) * Double(sign: .plus, exponent: Int(logN), significand: 1)
            + 128 * Double(r) * Double(p) + (flavor >= 2 ? 12_288 * Double(p) : 0)
    }

    /// Passes over that memory: t adds passes; the classic flavours (scrypt-compatible,
    /// flavour 0 and 1) run their p passes one after another on a build without OpenMP.
    public var passes: Double {
        Double(t + 1) * (flavor < 2 ? Double(p) : 1)
    }
}
