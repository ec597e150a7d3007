import GuideDocument
import GuideKnowledge

/// `compose-service-shape`: a Compose snippet's services use keys and value shapes the
/// Compose Specification allows.
struct ComposeServiceShapeRule: GuideRule {
    static let description = RuleDescription(
        id: "compose-service-shape",
        kind: .compose,
        severity: .error,
        summary: "A Compose service has a key the Compose Specification does not know, or an environment written as one string.",
        explanation: """
            Docker Compose validates a file against the Compose Specification before it starts \
            anything: a service key it does not know (`enviroment:`) or a value of the wrong \
            shape stops `docker compose up` with an error. The shape guides get wrong most is \
            `environment:` (and `labels:`) written as `KEY=value` lines without `- `: YAML reads \
            those lines as one multi-line string, while Compose wants a mapping (`KEY: value`) \
            or a list (`- KEY=value`). GuideKit reads every YAML block with a `services:` \
            mapping and checks each service against the keys and shapes of the schema \
            (third_party/compose-spec, with its provenance; `scripts/derive-compose-structure`). \
            An unknown key close to a known one is an error with the key it likely means; \
            other unknown keys are warnings (extension keys `x-…` are always allowed).
            """,
        reads: [.codeBlocks],
        basis: [RuleBasis(.specification, "Compose Specification JSON schema, definitions.service (additionalProperties false; environment, labels, annotations and sysctls are list_or_dict), compose-spec/compose-spec schema/compose-spec.json at 170098b")],
        triggeringExamples: [
            """
            ```yaml {title="compose.yml"}
            services:
              app:
                image: 'example/app'
                environment:
                  ↓APP_OIDC_CLIENT_ID=app
                  APP_OIDC_ISSUER=https://auth.example.com
            ```
            """,
            """
            ```yaml {title="compose.yml"}
            services:
              app:
                image: 'example/app'
                ↓enviroment:
                  APP_OIDC_CLIENT_ID: 'app'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {title="compose.yml"}
            services:
              app:
                image: 'example/app'
                environment:
                  - APP_OIDC_CLIENT_ID=app
                labels:
                  traefik.enable: 'true'
                x-note: 'extension keys are allowed'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for block in context.guide.codeBlocks where block.isYAML {
            guard case .success(let documents)? = block.yaml else { continue }
            for document in documents {
                guard let services = document["services"]?.pairs else { continue }
                for service in services {
                    for pair in service.value.pairs ?? [] {
                        guard let key = pair.key.string else { continue }
                        findings += check(key: key, pair: pair, service: service.key.string ?? "?", guide: context.guide)
                    }
                }
            }
        }
        return findings
    }

    private func check(key: String, pair: YAMLNode.Pair, service: String, guide: Guide) -> [Finding] {
        if key.hasPrefix("x-") { return [] }
        guard ComposeServiceStructure.serviceKeys.contains(key) else {
            let closest = Suggestion.closest(to: key, in: ComposeServiceStructure.serviceKeys.sorted())
            return [finding(guide, at: pair.key,
                            "service '\(service)' has the key '\(key)', which Compose does not know\(closest.map { " — did you mean '\($0)'?" } ?? "")",
                            help: closest.map { "write '\($0)'" } ?? "remove the key or check its spelling in the Compose Specification",
                            severity: closest == nil ? .warning : .error, subject: "compose key \(service).\(key)")]
        }
        if ComposeServiceStructure.listOrDictKeys.contains(key), pair.value.string != nil, pair.value.scalarType != .null {
            return [finding(guide, at: pair.value,
                            "'\(key)' of service '\(service)' is one string here (KEY=value lines without '- '); Compose refuses it: it wants a mapping (KEY: value) or a list (- KEY=value)",
                            help: "write each line as '- KEY=value', or as 'KEY: value'",
                            subject: "compose \(service).\(key) string")]
        }
        return []
    }
}
