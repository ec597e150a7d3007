import GuideDocument
import GuideKnowledge

/// `assumption-value`: each known assumption has a value of the right type.
struct AssumptionValueRule: GuideRule {
    static let description = RuleDescription(
        id: "assumption-value",
        kind: .assumptions,
        severity: .error,
        summary: "An assumption's value does not have the type its label requires.",
        explanation: """
            Root URLs must be absolute http(s) URLs, the Client ID must use only the characters \
            Authelia accepts (A-Z a-z 0-9 . _ ~ -, at most 100), the Realm must be a valid \
            Proxmox realm name and the Client Secret must not be empty. Every other check and \
            every rendered site starts from these values, so a malformed one spreads everywhere.
            """,
        reads: [.assumptions],
        basis: [
            RuleBasis(.guideKit, "the assumption labels and their types (AssumptionKind, docs/FORMAT.md)"),
            .validator("validateOIDCClients", rules: "ID-2, ID-3 for the Client ID"),
        ],
        triggeringExamples: [
            """
            ### Assumptions
            - Application Root URL: `↓proxmox.example.com`
            """,
            """
            ### Assumptions
            - __Authelia Root URL:__ `↓ftp://auth.example.com/`
            """,
            """
            ### Assumptions
            - Client ID: `↓my client`
            """,
            """
            ### Assumptions
            - Realm: `↓1authelia`
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - __Application Root URL:__ `https://proxmox.example.com/`
            - __Authelia Root URL:__ `https://auth.example.com:8443/authelia/`
            - __Client ID:__ `proxmox`
            - __Realm__ `authelia`
            - __Port:__ `8006`
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        return guide.assumptions.compactMap { assumption in
            guard let kind = assumption.kind, let raw = assumption.rawValue, assumption.value == nil else { return nil }
            return finding(guide, at: raw, "\(kind.rawValue) '\(raw.value)' is not valid: expected \(kind.expectation)",
                           help: help(for: kind, value: raw.value))
        }
    }

    private func help(for kind: AssumptionKind, value: String) -> String? {
        switch kind {
        case .applicationRootURL, .autheliaRootURL:
            return value.containsLiteral("://") ? "use http:// or https://" : "write the scheme too: 'https://\(value)'"
        default:
            return nil
        }
    }
}
