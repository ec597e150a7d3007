import GuideDocument
import GuideKnowledge

/// `config-unknown-key`: the keys around the clients — under `identity_providers` and
/// `identity_providers.oidc` — are keys Authelia knows.
struct ConfigUnknownKeyRule: GuideRule {
    static let description = RuleDescription(
        id: "config-unknown-key",
        kind: .configuration,
        severity: .error,
        summary: "A key under identity_providers or identity_providers.oidc that Authelia does not know (misspelt, at the wrong level, or newer than the guide's Authelia).",
        explanation: """
            Authelia checks every key of its configuration when it starts and refuses to \
            start on a key it does not expect ("config key not expected", `ValidateKeys` in \
            internal/configuration/validator/keys.go); the Authelia documentation's \
            Configuration › Validation section says the same. Client keys are checked by \
            `client-unknown-key`; this rule checks the levels around them: the keys under \
            `identity_providers` and under `identity_providers.oidc` (`clients`, `cors`, \
            `lifespans`, `claims_policies`, ...), taken per release from Authelia's published \
            configuration JSON schema (Sources/GuideKnowledge/Schema/AutheliaConfigurationStructure.swift, \
            derived by scripts/derive-config-structure with its provenance). A key the schema \
            knows only from a later release than the guide's is reported with that release. \
            The provider-level keys renamed in 4.38 (`access_token_lifespan` and the other \
            `*_lifespan` keys, now under `lifespans`; `issuer_private_key` and \
            `issuer_certificate_chain`, now `jwks`) are still mapped by Authelia with a \
            deprecation warning, so they are warnings here.
            """,
        reads: [.codeBlocks],
        basis: [
            .validator("ValidateKeys", file: "keys.go"),
            RuleBasis(.specification, "key list derived from Authelia's published configuration JSON schema (docs/static/schemas/v4.38, v4.39) by scripts/derive-config-structure; renamed keys from internal/configuration/deprecation.go"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                ↓enforce_pkce_plain: true
                clients:
                  - client_id: 'app'
                    public: true
                    authorization_policy: 'one_factor'
                    redirect_uris: ['https://app.example.com/callback']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              ↓oidc_clients: {}
              oidc:
                ↓access_token_lifespan: '1h'
                clients:
                  - client_id: 'app'
                    public: true
                    authorization_policy: 'one_factor'
                    redirect_uris: ['https://app.example.com/callback']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                enforce_pkce: 'always'
                lifespans:
                  access_token: '1h'
                claims_policies:
                  app:
                    id_token: ['groups']
                clients:
                  - client_id: 'app'
                    public: true
                    authorization_policy: 'one_factor'
                    claims_policy: 'app'
                    redirect_uris: ['https://app.example.com/callback']
            ```
            """,
        ])

    /// Provider-level keys renamed in 4.38 that Authelia still maps, with a warning
    /// (Authelia's deprecation map, internal/configuration/deprecation.go, v4.39.20).
    static let renamed: [String: String] = [
        "access_token_lifespan": "lifespans.access_token",
        "authorize_code_lifespan": "lifespans.authorize_code",
        "id_token_lifespan": "lifespans.id_token",
        "refresh_token_lifespan": "lifespans.refresh_token",
        "issuer_private_key": "jwks",
        "issuer_certificate_chain": "jwks",
    ]

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        let releases = AutheliaConfigurationStructure.releases
        // The newest release the guide may use; guides for older releases get the oldest table.
        guard let release = releases.last(where: { $0.version <= context.version }) ?? releases.first else { return [] }
        let newer = releases.filter { $0.version > release.version }
        var findings: [Finding] = []
        for block in guide.codeBlocks where block.role == .autheliaClient || block.content.containsLiteral("identity_providers:") {
            guard case .success(let documents)? = block.yaml else { continue }
            for document in documents {
                guard let providers = document["identity_providers"] else { continue }
                findings += unknownKeys(in: providers, allowed: release.identityProviders, path: "identity_providers",
                                        newer: newer.map { ($0.version, $0.identityProviders) }, context)
                if let oidc = providers["oidc"] {
                    findings += unknownKeys(in: oidc, allowed: release.oidc, path: "identity_providers.oidc",
                                            newer: newer.map { ($0.version, $0.oidc) }, context)
                }
            }
        }
        return findings
    }

    private func unknownKeys(in node: YAMLNode, allowed: Set<String>, path: String,
                             newer: [(AutheliaVersion, Set<String>)], _ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        for pair in node.pairs ?? [] {
            guard let key = pair.key.string, !allowed.contains(key) else { continue }
            if path == "identity_providers.oidc", let replacement = Self.renamed[key] {
                findings.append(finding(guide, at: pair.key,
                                        "'\(path).\(key)' was replaced by '\(path).\(replacement)' in Authelia 4.38; Authelia still maps it but warns at every start",
                                        help: "use '\(replacement)'", severity: .warning, subject: "\(path).\(key) renamed"))
            } else if let (version, _) = newer.first(where: { $0.1.contains(key) }) {
                findings.append(finding(guide, at: pair.key,
                                        "'\(path).\(key)' exists from Authelia \(version) on; Authelia \(context.version) refuses to start with it (config key not expected)",
                                        help: "use Authelia \(version) or later, or state the guide's version with authelia_version", subject: "\(path).\(key) newer"))
            } else {
                let suggestion = Suggestion.closest(to: key, in: allowed)
                findings.append(finding(guide, at: pair.key,
                                        "unknown key '\(key)' under \(path)\(suggestion.map { " — did you mean '\($0)'?" } ?? ":") Authelia refuses to start on it (config key not expected)",
                                        help: suggestion.map { "write '\($0)'" }, subject: "\(path).\(key) unknown"))
            }
        }
        return findings
    }
}
