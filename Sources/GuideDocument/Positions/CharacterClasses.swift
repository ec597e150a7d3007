/// The few ASCII character classes GuideKit's formats are defined by.
extension Unicode.Scalar {
    var isASCIILetter: Bool { ("A"..."Z").contains(self) || ("a"..."z").contains(self) }

    package var isASCIIAlphanumeric: Bool { isASCIILetter || ("0"..."9").contains(self) }
    package var isASCIIHexDigit: Bool { ("0"..."9").contains(self) || ("a"..."f").contains(self) || ("A"..."F").contains(self) }

    /// Characters of a host name (letters, digits, `-` and `.`).
    package var isHostCharacter: Bool { isASCIIAlphanumeric || self == "-" || self == "." }

    /// RFC 3986 "unreserved": `A-Z a-z 0-9 - . _ ~`. Authelia's client id charset, and what
    /// continues an identifier or host name when substituting whole tokens.
    /// What a site value may contain (`SiteValueRules`): letters, digits, `.`, `_`, `-` —
    /// the unreserved set without `~`, which shells expand.
    package var isSafeWordCharacter: Bool { isASCIIAlphanumeric || self == "." || self == "_" || self == "-" }

    package var isUnreserved: Bool { isASCIIAlphanumeric || self == "-" || self == "." || self == "_" || self == "~" }
}
