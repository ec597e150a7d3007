import CMarkBridge

/// Turns cmark code-block nodes into `CodeBlock`s: info string, role, YAML.
package enum CodeBlockReader {
    static func read(_ node: MarkdownNode, source: PreparedSource, inApplicationSection: Bool) -> (CodeBlock, BlockLineMap) {
        let content = node.literal ?? ""
        let startLine = node.startLine
        let resolvedStart = source.resolvedLineSlice(startLine)
        let startColumn = source.scalarColumn(inResolvedLine: startLine, byteColumn: node.startByteColumn)
        let fromStart = resolvedStart.unicodeScalars.dropFirst(startColumn - 1)
        let firstContentLine = content[..<(content.utf8.firstIndex(of: 0x0A) ?? content.endIndex)]
        let startsWithFence = fromStart.starts(with: "```".unicodeScalars) || fromStart.starts(with: "~~~".unicodeScalars)
        let isFenced = !(node.fenceInfo ?? "").isEmpty
            || (startsWithFence && String(scalars: fromStart) != String(firstContentLine))

        let fenceLocation = source.location(line: startLine, resolvedColumn: startColumn)
        let info = isFenced
            ? InfoString.parse(line: source.originalLine(startLine), lineNumber: startLine, fenceColumn: fenceLocation.column)
            : InfoString(raw: "", language: nil, languageLocation: nil, attributes: [], problems: [])
        let firstLine = isFenced ? startLine + 1 : startLine
        let map = BlockLineMap(source: source, content: content, firstLine: firstLine, fallbackPrefix: startColumn - 1)

        var block = CodeBlock(location: fenceLocation, contentFirstLine: firstLine, isFenced: isFenced,
                              info: info, role: nil, roleSource: nil, content: content,
                              inApplicationSection: inApplicationSection, yaml: nil)
        if let declared = info.attributes.first(where: { $0.name == "guide" }) {
            block.role = BlockRole(rawValue: declared.value ?? "")
            block.roleSource = .declared(declared.location)
        }
        // Only YAML that can matter is composed: a block declared as Authelia's or the
        // application's, application YAML (its settings are read from the tree), and any YAML
        // that may list clients (or hold one at the wrong place). Other YAML (the rest of Authelia's configuration, manifests
        // of unrelated services) is left as text: composing it cost time and found nothing.
        // Compose files (`services:`) are composed too: their shape is checked against the
        // Compose Specification.
        let mayMatter = block.role == .autheliaClient || block.role == .appSettings
            || (block.isYAML && (inApplicationSection || content.containsLiteral("clients") || content.containsLiteral("client_id")
                                 || content.containsLiteral("redirect_uris") || content.containsLiteral("services:")))
        if block.role != .ignore, mayMatter {
            block.yaml = Result { () throws(YAMLSyntaxError) in
                try YAMLReader.read(content) { map.location(line: $0, column: $1) }
            }
        }
        if block.roleSource == nil {
            block.role = inferredRole(of: block)
            block.roleSource = block.role == nil ? nil : .inferred
        }
        return (block, map)
    }

    /// Upstream guides carry no tags: an Authelia block is YAML holding
    /// `identity_providers.oidc.clients` (or, when it does not parse, text that names both);
    /// a `.env` block holds settings; other shell blocks hold commands; any other block under
    /// an "Application" heading holds the application's configuration.
    static func inferredRole(of block: CodeBlock) -> BlockRole? {
        if block.isYAML {
            switch block.yaml {
            case .success(let documents):
                if documents.contains(where: { !clientNodes(in: $0).isEmpty }) { return .autheliaClient }
                // A client written at the wrong place (no `clients:` key, the wrong depth) is
                // still meant as one: the block keeps its role so the mistake is reported.
                if documents.contains(where: { misplacedClientID(in: $0) != nil }) { return .autheliaClient }
            case .failure:
                if block.content.containsLiteral("identity_providers:"), block.content.containsLiteral("clients:") {
                    return .autheliaClient
                }
            case nil:
                break
            }
            return block.inApplicationSection ? .appSettings : nil
        }
        if block.isShell {
            return block.title?.hasSuffix(".env") == true ? .appSettings : .shell
        }
        if block.language == "env" || block.language == "dotenv" { return .appSettings }
        return block.inApplicationSection && block.isFenced ? .appSettings : nil
    }

    /// The first `client_id` key under a top-level `identity_providers` in a document whose
    /// clients are not where Authelia reads them. (A top-level `oidc:` with a `client_id` is
    /// as likely the application's own configuration: Headscale's `config.yaml`.)
    package static func misplacedClientID(in document: YAMLNode) -> YAMLNode? {
        guard clientNodes(in: document).isEmpty,
              let root = document.pairs?.first(where: { $0.key.string == "identity_providers" })?.value
        else { return nil }
        var stack = [root]
        var budget = 10_000
        while let node = stack.popLast(), budget > 0 {
            budget -= 1
            for pair in node.pairs ?? [] {
                if pair.key.string == "client_id" { return pair.key }
                stack.append(pair.value)
            }
            stack += node.items ?? []
        }
        return nil
    }

    /// The client mappings of one YAML document: under `identity_providers.oidc.clients`, a
    /// top-level `clients`, in a tagged block any bare list of mappings, and in any block a
    /// bare list of clients or a bare client (Authelia's guides wrote `- id: app` on its own
    /// until 2023; a snippet often shows one client's mapping).
    static func clientNodes(in document: YAMLNode, bareListAllowed: Bool = false) -> [YAMLNode] {
        if let list = document["identity_providers"]?["oidc"]?["clients"] ?? document["clients"] {
            return list.items?.filter { $0.pairs != nil } ?? []
        }
        if let items = document.items {
            let mappings = items.filter { $0.pairs != nil }
            if bareListAllowed { return mappings }
            return mappings.contains(where: isBareClient) ? mappings.filter(isBareClient) : []
        }
        return document.pairs != nil && isBareClient(document) ? [document] : []
    }

    /// Keys of an Authelia client registration, with their weight: a mapping with a client id
    /// (`client_id`, or `id` before 4.38) scoring 2 is read as a client. Authelia's own keys
    /// weigh 2; standard registration metadata (RFC 7591: `redirect_uris`, `grant_types`, ...)
    /// weighs 1, as an application's own YAML may hold one such key; keys every OAuth client
    /// configuration has (`client_secret`, `scopes`) weigh nothing. Old and new spellings both
    /// count (internal/configuration/deprecation.go renames them).
    static let clientKeyWeights: [String: Int] = [
        "authorization_policy": 2, "consent_mode": 2, "pre_configured_consent_duration": 2,
        "claims_policy": 2, "requested_audience_mode": 2, "userinfo_signing_algorithm": 2,
        "userinfo_signed_response_alg": 2, "require_pkce": 2, "pkce_challenge_method": 2,
        "sector_identifier": 2, "sector_identifier_uri": 2, "allow_multiple_auth_methods": 2,
        "redirect_uris": 1, "grant_types": 1, "response_types": 1, "response_modes": 1,
        "token_endpoint_auth_method": 1, "client_name": 1, "id_token_signed_response_alg": 1,
    ]

    /// Whether a mapping reads as one Authelia client (see `clientKeyWeights`).
    static func isBareClient(_ node: YAMLNode) -> Bool {
        guard let pairs = node.pairs,
              pairs.contains(where: { $0.key.string == "client_id" || $0.key.string == "id" }) else { return false }
        var score = 0
        for pair in pairs {
            score += pair.key.string.flatMap { clientKeyWeights[$0] } ?? 0
            if score >= 2 { return true }
        }
        return false
    }
}
