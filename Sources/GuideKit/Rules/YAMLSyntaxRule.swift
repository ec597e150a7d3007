/// `yaml-syntax`: the Authelia client block must be valid YAML.
struct YAMLSyntaxRule: GuideRule {
    static let description = RuleDescription(
        id: "yaml-syntax",
        severity: .error,
        summary: "The Authelia client block is not valid YAML.",
        explanation: """
            A reader pastes the Authelia block into configuration.yml; if it does not parse, \
            Authelia refuses to start. The finding points at the place the YAML parser gave up \
            (often the line after the real mistake: check indentation and quotes just above it).
            """,
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    client_name: 'App
                    ↓public: false
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                  ↓public: false
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    public: false
            ```
            """,
            // YAML that is not Authelia configuration is not this rule's business.
            """
            ```yaml
            services: [
            ```
            """,
        ])

    func check(_ guide: Guide) -> [Finding] {
        guide.codeBlocks.compactMap { block in
            guard block.role == .autheliaClient, case .failure(let error)? = block.yaml else { return nil }
            return finding(guide, at: error.location, error.message,
                           help: "fix the YAML so Authelia can read it; indentation must use spaces")
        }
    }
}
