import GuideDocument
import GuideKnowledge

/// `client-block-unreadable`: a block that configures Authelia's OpenID Connect clients has
/// clients GuideKit (and Authelia) can read.
struct ClientBlockUnreadableRule: GuideRule {
    static let description = RuleDescription(
        id: "client-block-unreadable",
        kind: .client,
        severity: .error,
        summary: "An Authelia client block from which no client can be read (clients at the wrong place in the YAML).",
        explanation: """
            Authelia reads OpenID Connect clients from the list `identity_providers.oidc.clients`: \
            each item a mapping with `client_id`. A block that sets up a client but puts it \
            elsewhere — its keys directly under `oidc` with no `clients:` list, the list under \
            another key or one level too deep or too shallow, a single mapping instead of a \
            list — configures no client at all: Authelia either refuses the unknown keys at \
            start-up or silently has no such client, and every check of the client is skipped. \
            A YAML block is such a block when it is tagged so, or when a `client_id` appears \
            anywhere under its `identity_providers`. \
            (Authelia's configuration schema: `identity_providers.oidc.clients` is an array of \
            client objects.)
            """,
        reads: [.codeBlocks],
        basis: [
            .validator("validateOIDC", rules: "no clients configured is an error"),
            RuleBasis(.specification, "clients live in the list identity_providers.oidc.clients (Authelia's configuration JSON schema)"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              ↓oidc:
                client_id: 'app'
                redirect_uris: ['https://app.example.com/callback']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                ↓clients:
                  client_id: 'app'
            ```
            """,
            // Untagged, as upstream guides write it: the list directly under `oidc`.
            """
            ```yaml
            identity_providers:
              ↓oidc:
                - client_id: 'app'
                  redirect_uris: ['https://app.example.com/callback']
            ```
            """,
            """
            ```yaml
            identity_providers:
              oidc:
                client:
                  ↓client_id: 'app'
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
                    public: true
                    authorization_policy: 'one_factor'
                    redirect_uris: ['https://app.example.com/callback']
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        let read = Set(guide.clients.map(\.blockIndex))
        for (index, block) in guide.codeBlocks.enumerated() where block.role == .autheliaClient && !read.contains(index) {
            guard case .success(let documents)? = block.yaml else { continue }  // yaml-syntax reports it
            // Its first line sits on the fence (`identity_providers:` swallowed into the info
            // string): fence-swallows-line reports the cause, not this consequence.
            if let swallowed = block.info.trailingText, FenceSwallowsLineRule.looksLikeContent(swallowed.value) { continue }
            for document in documents {
                guard let problem = Self.problem(in: document) else { continue }
                findings.append(finding(guide, at: problem.node, problem.message, help: problem.help))
            }
        }
        return findings
    }

    /// Where the clients went, for a document that has none Authelia would read.
    static func problem(in document: YAMLNode) -> (node: YAMLNode, message: String, help: String)? {
        let listHelp = "put each client as an item of the list 'identity_providers.oidc.clients:' ('- client_id: …')"
        if let oidcPair = document.pairs?.first(where: { $0.key.string == "identity_providers" })?.value.pairs?
            .first(where: { $0.key.string == "oidc" }) {
            let oidc = oidcPair.value
            if let clients = oidc.pairs?.first(where: { $0.key.string == "clients" }) {
                if clients.value.pairs != nil {
                    return (clients.key, "'clients' is a single mapping, not a list: Authelia reads no client from it", listHelp)
                }
                if let items = clients.value.items, !items.isEmpty, items.allSatisfy({ $0.pairs == nil }) {
                    return (clients.key, "'clients' lists no client mappings ('- client_id: …')", listHelp)
                }
                return nil
            }
            if let items = oidc.items, items.contains(where: { $0["client_id"] != nil }) {
                return (oidcPair.key, "the clients are listed directly under 'oidc', with no 'clients:' key: Authelia reads no client (and refuses a list where it expects the provider's settings)", listHelp)
            }
            if oidc.pairs?.contains(where: { $0.key.string == "client_id" || $0.key.string == "id" }) == true {
                return (oidcPair.key, "the client's keys are directly under 'oidc', with no 'clients:' list: Authelia reads no client", listHelp)
            }
            if let nested = oidc.pairs?.first(where: { $0.value.pairs?.contains(where: { $0.key.string == "clients" }) == true }) {
                return (nested.key, "the 'clients' list is nested under '\(nested.key.string ?? "")' instead of directly under 'oidc'", listHelp)
            }
            if let stray = CodeBlockReader.misplacedClientID(in: document) {
                return (stray, "this client_id is not in the list 'identity_providers.oidc.clients': Authelia reads no client from this block", listHelp)
            }
            return nil  // provider settings only (claims policies, keys, CORS): not a client block
        }
        // A list of clients at the top, or under 'oidc' without 'identity_providers'.
        if let oidc = document.pairs?.first(where: { $0.key.string == "oidc" }), oidc.value.pairs?.contains(where: { $0.key.string == "clients" }) == true {
            return (oidc.key, "'oidc' is not under 'identity_providers': Authelia reads clients only from 'identity_providers.oidc.clients'", listHelp)
        }
        return nil
    }
}
