import GuideDocument

/// A release number as applications and libraries write it: `v7.42`, `0.1.75`, `65.13.0`,
/// `9.x`, `2026-07a` (numeric parts compared one by one; a missing part is 0; `x` or a
/// wildcard stops the number, so `9.x` is 9.0).
public struct SoftwareVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let parts: [Int]
    public let text: String

    /// `nil` when the text has no leading number (`latest`, `main`).
    public init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        var parts: [Int] = []
        for piece in rest.split(separator: ".", omittingEmptySubsequences: false) {
            let digits = piece.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int(digits) else { break }
            parts.append(number)
            if digits.count != piece.count { break }  // `3-rc1`, `2026-07a`: the number ends here
        }
        guard !parts.isEmpty else { return nil }
        self.parts = parts
        self.text = text
    }

    public static func < (lhs: SoftwareVersion, rhs: SoftwareVersion) -> Bool {
        for index in 0..<max(lhs.parts.count, rhs.parts.count) {
            let left = index < lhs.parts.count ? lhs.parts[index] : 0
            let right = index < rhs.parts.count ? rhs.parts[index] : 0
            if left != right { return left < right }
        }
        return false
    }

    public static func == (lhs: SoftwareVersion, rhs: SoftwareVersion) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
    public func hash(into hasher: inout Hasher) {
        var trimmed = parts
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    public var description: String { text }
}

/// The releases a fact holds for: an interval with optional bounds, written as conditions
/// joined by spaces or commas (`<7.0`, `>=1.2 <2.0`, `==8.3.1`, `8.3.1`), or in the package
/// managers' shorthands `~=65.0` (Python: ≥65.0, <66), `^5.7.1` (npm: ≥5.7.1, <6) and
/// `~1.2` (npm: ≥1.2, <1.3).
public struct VersionRange: Sendable, Equatable, CustomStringConvertible {
    public struct Bound: Sendable, Equatable {
        public var version: SoftwareVersion
        public var inclusive: Bool
    }

    public var lower: Bound?
    public var upper: Bound?
    public let text: String

    /// Every release.
    public static let all = VersionRange(lower: nil, upper: nil, text: "all releases")

    init(lower: Bound?, upper: Bound?, text: String) {
        self.lower = lower
        self.upper = upper
        self.text = text
    }

    /// Exactly one release.
    public init(exactly version: SoftwareVersion) {
        self.init(lower: Bound(version: version, inclusive: true), upper: Bound(version: version, inclusive: true), text: version.text)
    }

    /// `nil` when a condition cannot be read (the loader reports it with its place).
    public init?(_ text: String) {
        self.text = text
        let conditions = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !conditions.isEmpty else { return nil }
        for condition in conditions {
            let operators = ["~=", ">=", "<=", "==", "^", "~", ">", "<", "="]
            let op = operators.first { condition.hasPrefix($0) } ?? ""
            guard let version = SoftwareVersion(String(condition.dropFirst(op.count))) else { return nil }
            switch op {
            case ">=": lower = Bound(version: version, inclusive: true)
            case ">": lower = Bound(version: version, inclusive: false)
            case "<=": upper = Bound(version: version, inclusive: true)
            case "<": upper = Bound(version: version, inclusive: false)
            case "", "==", "=":
                lower = Bound(version: version, inclusive: true)
                upper = Bound(version: version, inclusive: true)
            case "~=":
                // ~=65.0 allows 65.x; ~=65.1.2 allows 65.1.x (the last part may grow).
                let prefix = Array(version.parts.dropLast())
                guard !prefix.isEmpty, let next = SoftwareVersion((prefix.dropLast() + [prefix.last! + 1]).map(String.init).joined(separator: "."))
                else { return nil }
                lower = Bound(version: version, inclusive: true)
                upper = Bound(version: next, inclusive: false)
            case "^", "~":
                // ^: the first non-zero part stays; ~: the minor stays.
                let keep = op == "~" ? min(2, version.parts.count) : (version.parts.firstIndex { $0 != 0 } ?? 0) + 1
                var bumped = Array(version.parts.prefix(keep))
                bumped[bumped.count - 1] += 1
                guard let next = SoftwareVersion(bumped.map(String.init).joined(separator: ".")) else { return nil }
                lower = Bound(version: version, inclusive: true)
                upper = Bound(version: next, inclusive: false)
            default: return nil
            }
        }
    }

    public func contains(_ version: SoftwareVersion) -> Bool {
        if let lower, lower.inclusive ? version < lower.version : version <= lower.version { return false }
        if let upper, upper.inclusive ? version > upper.version : version >= upper.version { return false }
        return true
    }

    /// Whether every release of `other` is in this range.
    public func covers(_ other: VersionRange) -> Bool {
        if let lower {
            guard let otherLower = other.lower else { return false }
            if otherLower.version < lower.version || (otherLower.version == lower.version && otherLower.inclusive && !lower.inclusive) { return false }
        }
        if let upper {
            guard let otherUpper = other.upper else { return false }
            if otherUpper.version > upper.version || (otherUpper.version == upper.version && otherUpper.inclusive && !upper.inclusive) { return false }
        }
        return true
    }

    /// Whether some release is in both ranges.
    public func overlaps(_ other: VersionRange) -> Bool {
        func below(_ upper: Bound?, _ lower: Bound?) -> Bool {
            guard let upper, let lower else { return false }
            return upper.version < lower.version || (upper.version == lower.version && !(upper.inclusive && lower.inclusive))
        }
        return !below(upper, other.lower) && !below(other.upper, lower)
    }

    public var description: String { text }
}
