import Foundation

/// Internationalised host names in their ASCII form (`münchen.example` →
/// `xn--mnchen-3ya.example`): the form browsers and applications send, so the form a redirect
/// URI or issuer must use, and the form that shows a look-alike host for what it is.
///
/// Punycode is RFC 3492. The label mapping is a subset of IDNA (RFC 5891, UTS #46): labels
/// are lower-cased and NFC-normalised, and may hold only letters, marks, digits and `-`;
/// the full IDNA2008 tables (contextual and bidirectional rules) are not applied.
public enum IDNA {
    /// The ASCII form of `host`, or why there is none.
    public static func asciiHost(_ host: String) -> Result<String, IDNAError> {
        var labels: [String] = []
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            let normalized = String(label).precomposedStringWithCanonicalMapping.lowercased()
            if normalized.unicodeScalars.allSatisfy(\.isASCII) {
                // Letters, digits and hyphens (RFC 1123), as every resolver expects.
                guard !normalized.isEmpty, normalized.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "-" }) else {
                    return .failure(IDNAError(message: "'\(label)' is not a host name label (letters, digits and '-')"))
                }
                if normalized.hasPrefix("xn--") {
                    // Must be a real encoding of a Unicode label, written as the encoder would.
                    guard let decoded = Punycode.decode(String(normalized.dropFirst(4))),
                          decoded.unicodeScalars.contains(where: { !$0.isASCII }),
                          Punycode.encode(decoded) == String(normalized.dropFirst(4)) else {
                        return .failure(IDNAError(message: "'\(label)' is not a valid IDNA label ('xn--' followed by Punycode)"))
                    }
                }
                labels.append(normalized)
                continue
            }
            if let bad = normalized.unicodeScalars.first(where: { scalar in
                guard !scalar.isASCII else { return !(scalar.isASCIIAlphanumeric || scalar == "-") }
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                    return false
                default:
                    return true
                }
            }) {
                return .failure(IDNAError(message: "'\(bad.escaped(asASCII: true))' cannot be part of a host name"))
            }
            guard let encoded = Punycode.encode(normalized) else {
                return .failure(IDNAError(message: "'\(label)' cannot be written in ASCII"))
            }
            labels.append("xn--" + encoded)
        }
        let ascii = labels.joined(separator: ".")
        if let long = labels.first(where: { $0.count > 63 }) {
            return .failure(IDNAError(message: "the label '\(long)' is longer than 63 characters in its ASCII form"))
        }
        guard ascii.count <= 253 else {
            return .failure(IDNAError(message: "the host is longer than 253 characters in its ASCII form"))
        }
        return .success(ascii)
    }
}

public struct IDNAError: Error, Sendable, Equatable {
    public var message: String

    public init(message: String) { self.message = message }
}

/// RFC 3492 Punycode with the parameters IDNA uses.
public enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    private static func adapt(_ delta: Int, _ count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func threshold(_ k: Int, _ bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    private static func digit(_ value: Int) -> Character {
        Character(Unicode.Scalar(UInt8(value < 26 ? 97 + value : 22 + value)))
    }

    private static func value(of scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 48...57: Int(scalar.value) - 22
        case 65...90: Int(scalar.value) - 65
        case 97...122: Int(scalar.value) - 97
        default: nil
        }
    }

    /// The Punycode of `text` (without `xn--`); `nil` only on arithmetic overflow (a label
    /// far longer than any host allows).
    public static func encode(_ text: String) -> String? {
        let input = text.unicodeScalars.map { Int($0.value) }
        var output = String(scalars: text.unicodeScalars.filter(\.isASCII))
        let basic = output.unicodeScalars.count
        var handled = basic
        if basic > 0 { output.append("-") }
        var n = initialN, delta = 0, bias = initialBias
        while handled < input.count {
            guard let next = input.filter({ $0 >= n }).min() else { return nil }
            let (step, overflow) = (next - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow, delta <= Int.max - step else { return nil }
            delta += step
            n = next
            for code in input {
                if code < n {
                    delta += 1
                    if delta == Int.max { return nil }
                }
                guard code == n else { continue }
                var q = delta, k = base
                while true {
                    let t = threshold(k, bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, handled + 1, first: handled == basic)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return output
    }

    /// The text a Punycode string (without `xn--`) encodes, or `nil` when it is not valid.
    public static func decode(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.allSatisfy(\.isASCII) else { return nil }
        let dash = scalars.lastIndex(of: "-") ?? 0
        var output = Array(scalars[..<dash]).map { Int($0.value) }
        var index = dash > 0 ? dash + 1 : 0
        var n = initialN, i = 0, bias = initialBias
        while index < scalars.count {
            let old = i
            var weight = 1, k = base
            while true {
                guard index < scalars.count, let digit = value(of: scalars[index]) else { return nil }
                index += 1
                let (product, overflow) = digit.multipliedReportingOverflow(by: weight)
                guard !overflow, i <= Int.max - product else { return nil }
                i += product
                let t = threshold(k, bias)
                if digit < t { break }
                let (next, overflowed) = weight.multipliedReportingOverflow(by: base - t)
                guard !overflowed else { return nil }
                weight = next
                k += base
            }
            bias = adapt(i - old, output.count + 1, first: old == 0)
            let (code, overflow) = n.addingReportingOverflow(i / (output.count + 1))
            guard !overflow else { return nil }
            n = code
            i %= output.count + 1
            guard n <= 0x10FFFF, Unicode.Scalar(UInt32(n)) != nil, n >= initialN else { return nil }
            output.insert(n, at: i)
            i += 1
            guard output.count <= 1_000 else { return nil }
        }
        return String(scalars: output.compactMap { Unicode.Scalar(UInt32($0)) })
    }
}
