import GuideDocument
import GuideKnowledge

/// `app-service-name`: a compose file in the application's steps names the application's
/// service, not another one.
struct AppServiceNameRule: GuideRule {
    static let description = RuleDescription(
        id: "app-service-name",
        kind: .crossCheck,
        severity: .warning,
        summary: "A compose service in the application's steps is named after something other than the guide's application (copied from another guide, or misspelt).",
        explanation: """
            A guide's compose snippet is merged by the reader into their own compose file, \
            where services are matched by name: the `environment` of a service called \
            `expressjs-example` in the Flower guide does not reach the reader's `flower` \
            service, it defines a second one. Such names come from copying another guide. \
            GuideKit compares each service name under `services:` in the application section \
            with the names the guide itself uses for its application — its file or folder \
            name, its title, its client id, and the first label of its Application Root URL — \
            ignoring case, `-` and `_`. A name that contains or is contained in one of them \
            passes (`hedgedoc` for `hedge-doc`, `paperless-ngx` for `paperless`); a name one \
            or two letters off is reported as a likely misspelling, any other name as a \
            likely copy. Services of other kinds (a database, a proxy) have names of their \
            own and are reported too, which is why this is a warning: suppress it with a \
            reason where the service is deliberately something else.
            """,
        reads: [.codeBlocks],
        basis: [RuleBasis(.guideConsistency, "the compose service name against the guide's file name, title, client id and application host")],
        triggeringExamples: [
            """
            ---
            title: "Flower"
            ---
            ### Assumptions
            - Client ID: `flower`

            ### Application
            ```yaml {title="compose.yml"}
            services:
              ↓expressjs-example:
                environment:
                  FLOWER_OAUTH2_KEY: 'flower'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ---
            title: "HedgeDoc"
            ---
            ### Assumptions
            - Client ID: `hedgedoc`

            ### Application
            ```yaml {title="compose.yml"}
            services:
              hedgedoc:
                environment:
                  CMD_OAUTH2_CLIENT_ID: 'hedgedoc'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        // The guide's names are worked out only once a compose file is found (most have none).
        var known: Set<String>?
        for block in guide.codeBlocks where block.inApplicationSection && block.isYAML {
            guard case .success(let documents)? = block.yaml else { continue }
            for document in documents {
                guard let services = document["services"]?.pairs else { continue }
                let names = known ?? Self.applicationNames(of: guide)
                known = names
                guard !names.isEmpty else { return [] }
                for pair in services {
                    guard let service = pair.key.string else { continue }
                    let name = Self.normalized(service)
                    guard !name.isEmpty, !names.contains(where: { $0.containsLiteral(name) || name.containsLiteral($0) }) else { continue }
                    // Sorted, so that of two equally close names the same one is named every run.
                    if let closest = Suggestion.closest(to: name, in: names.sorted(), limit: 2) {
                        findings.append(finding(guide, at: pair.key,
                                                "service '\(service)' looks like a misspelling of the application's name '\(closest)': in the reader's compose file it would be a second service",
                                                help: "name the service '\(closest)'", subject: "service \(service)"))
                    } else {
                        findings.append(finding(guide, at: pair.key,
                                                "service '\(service)' is not this guide's application (\(names.sorted().joined(separator: ", "))): the settings would land on another service of the reader's compose file",
                                                help: "name the service after the application this guide configures", subject: "service \(service)"))
                    }
                }
            }
        }
        return findings
    }

    /// The guide's own names for its application, normalised.
    static func applicationNames(of guide: Guide) -> Set<String> {
        var names: [String] = [Guide.name(forPath: guide.path)]
        if let title = guide.title { names.append(title) }
        if let clientID = guide.assumption(.clientID)?.value?.text { names.append(clientID) }
        if let host = guide.assumption(.applicationRootURL)?.value?.url?.host, let label = host.split(separator: ".").first {
            names.append(String(label))
        }
        return Set(names.map(normalized).filter { $0.count >= 3 })
    }

    /// Lower case without `-`, `_`, `.` and spaces.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !["-", "_", ".", " "].contains($0) }.map(Character.init))
    }
}
