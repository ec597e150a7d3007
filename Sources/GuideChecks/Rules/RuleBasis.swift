import GuideDocument
import GuideKnowledge

/// What a rule's verdict rests on, cited so that a reader can check it: every claim GuideKit
/// makes about Authelia or an application must name its source (the Go function of Authelia's
/// configuration validator it mirrors, the request-time behaviour, the application's own
/// documentation), and a rule about the guide's own consistency says so. Shown by
/// `guidekit explain` and on the rule's page; `RuleBasisTests` checks that every rule has one
/// and that every rule claiming Authelia refuses a configuration cites the validator.
public struct RuleBasis: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A check Authelia's configuration validator makes at start-up.
        case autheliaValidator = "Authelia's configuration validator"
        /// What Authelia does when a request arrives (its OAuth 2.0 library), not at start-up.
        case autheliaRequest = "Authelia at request time"
        /// The application's documentation or source, stated in its profile (docs/PROFILES.md).
        case application = "the application's documentation"
        /// A published specification (CommonMark, YAML, RFC 3986, Hugo, Docker Compose).
        case specification = "specification"
        /// Two places of the same guide that must agree: no outside fact needed.
        case guideConsistency = "the guide's own consistency"
        /// A convention of GuideKit's guide format or of its suppression comments.
        case guideKit = "GuideKit's conventions"
    }

    public var kind: Kind
    /// Where exactly: the Go function and file, the document and section, or for a guide-
    /// internal rule which places are compared.
    public var citation: String

    public init(_ kind: Kind, _ citation: String) {
        self.kind = kind
        self.citation = citation
    }

    /// `validateOIDCClientRedirectURIs` in internal/configuration/validator/identity_providers.go
    /// of authelia/authelia; `rules` name the conditions inside it (RU-1, ...: the ids the rule
    /// comments use, one per error or warning the function can push).
    public static func validator(_ function: String, file: String = "identity_providers.go", rules: String = "") -> RuleBasis {
        let where_ = "`\(function)` in internal/configuration/validator/\(file) (authelia/authelia)"
        return RuleBasis(.autheliaValidator, rules.isEmpty ? where_ : "\(where_); rules \(rules)")
    }

    /// One line for `guidekit explain` and the rule page.
    public var line: String { "\(kind.rawValue): \(citation)" }
}
