import GuideDocument

/// One fact about an application or library (its auth method, PKCE, where it reads claims,
/// ...), as it holds across releases, with the sources that establish it.
///
/// `base` holds for the release the profile was read at and every release no variant
/// covers. A variant states what holds for a range of releases; a variant with only a `note`
/// says the fact differed there in a way the profile does not model. A fact is *used* only
/// where it is certain: for a known release, the variant covering it (or the base); for an
/// unknown release or a range of them, only a value every possibility agrees on. Otherwise it
/// is unknown, and no rule fires on it.
public struct VersionedFact<Value: Sendable & Equatable>: Sendable {
    public struct Variant: Sendable {
        public var range: VersionRange
        /// `nil`: the fact differed in a way the profile only describes (`note`).
        public var value: Value?
        public var note: String?
        public var source: String
    }

    public var base: Value?
    /// The citation of `base`: the application's or library's own source or documentation.
    public var source: String?
    public var variants: [Variant] = []
    /// The library profile this fact comes from (`nil`: the application's own profile), so
    /// messages can say "(from django-allauth)" and version ranges are the library's.
    public var library: String? = nil

    public init(base: Value?, source: String?, variants: [Variant] = [], library: String? = nil) {
        self.base = base
        self.source = source
        self.variants = variants
        self.library = library
    }

    /// The value certain for the releases in `range` (`nil`: release unknown, so every
    /// release), or `nil` when they disagree or the fact is unknown.
    public func value(over range: VersionRange?) -> Value? {
        var possible: [Value?] = []
        var covered = false
        for variant in variants where range.map(variant.range.overlaps) ?? true {
            possible.append(variant.value)
            if let range, variant.range.covers(range) { covered = true }
        }
        if !covered { possible.append(base) }
        guard let first = possible.first, let value = first else { return nil }
        return possible.allSatisfy { $0 == value } ? value : nil
    }

    /// Every citation behind the fact.
    public var citations: [String] { (source.map { [$0] } ?? []) + variants.map(\.source) }
}
