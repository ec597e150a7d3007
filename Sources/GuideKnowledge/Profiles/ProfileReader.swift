import GuideDocument

/// Reads the parts of one profile file (application or library) with their places, so
/// every problem is an error naming the file, line and column. `ProfileLoader` puts the
/// parts together.
struct ProfileReader {
    let yaml: YAMLFile
    let root: YAMLNode

    /// Fact keys every profile may state, and their terms.
    static let factKeys = ["redirect_uris", "scopes", "token_auth_method", "claims_from", "pkce", "userinfo_signed", "exact_issuer"]
    /// `basic_and_post`: the application sends the secret in an HTTP Basic header and in the
    /// request body at once (see profile-auth-method).
    static let authMethodTerms: Set<String> = Set(ClientSchema.authMethods.filter { !$0.isEmpty }
                                                   + [ApplicationProfile.SettingChoice.any, ApplicationProfile.SettingChoice.basicAndPost])
    static let claimsTerms: Set<String> = ["id_token", "userinfo", ApplicationProfile.SettingChoice.any]
    static let pkceTerms: Set<String> = ["S256", "plain", "none", ApplicationProfile.SettingChoice.any]

    func fail(_ node: YAMLNode, _ message: String) -> InputError { yaml.fail(node, message) }

    func string(_ node: YAMLNode?, _ what: String) throws(InputError) -> String {
        guard let node, let text = node.string, node.scalarType != .null, !text.isEmpty else {
            throw fail(node ?? root, "\(what) must be a non-empty string")
        }
        return text
    }

    func strings(_ node: YAMLNode?, _ what: String) throws(InputError) -> [String] {
        guard let node else { return [] }
        if let text = node.string, node.scalarType != .null { return [text] }
        guard let items = node.items else { throw fail(node, "\(what) must be a list of strings") }
        var result: [String] = []
        for item in items {
            guard let text = item.string else { throw fail(item, "\(what) must be a list of strings") }
            result.append(text)
        }
        return result
    }

    func boolean(_ node: YAMLNode, _ what: String) throws(InputError) -> Bool {
        guard node.scalarType == .bool, let value = ClientDecoder.bool(node.string ?? "") else {
            throw fail(node, "\(what) must be true or false")
        }
        return value
    }

    /// Only `allowed` keys in a mapping; the error names the closest one.
    func onlyKeys(_ node: YAMLNode, _ allowed: [String], in what: String) throws(InputError) {
        guard let pairs = node.pairs else { throw fail(node, "\(what) must be a mapping with \(allowed.joined(separator: ", "))") }
        for pair in pairs where !allowed.contains(pair.key.string ?? "") {
            throw yaml.unknown("\(what) key", pair.key, known: allowed)
        }
    }

    // MARK: Fact values

    func redirects(_ node: YAMLNode, settings: [ApplicationProfile.Setting]?) throws(InputError) -> [ApplicationProfile.RedirectRequirement] {
        guard let items = node.items else { throw fail(node, "redirect_uris must be a list of templates") }
        var redirects: [ApplicationProfile.RedirectRequirement] = []
        for item in items {
            let alternatives = item["one_of"] != nil ? try strings(item["one_of"], "one_of") : [try string(item, "a redirect URI template")]
            for template in alternatives {
                guard template.containsLiteral("{origin}") || template.containsLiteral("{root}") || template.containsLiteral("://")
                        || template.hasPrefix("{setting:") else {
                    throw fail(item, "redirect URI template '\(template)' must start with {origin}, {root}, {setting:KEY} or a scheme")
                }
                for key in ApplicationProfile.settingKeys(inTemplate: template) where settings.map({ !$0.contains { $0.key == key } }) ?? true {
                    throw fail(item, "redirect URI template '\(template)' names {setting:\(key)}, which is not one of the profile's settings")
                }
            }
            redirects.append(.init(alternatives: alternatives))
        }
        return redirects
    }

    func scopes(_ node: YAMLNode, settings: [ApplicationProfile.Setting]?) throws(InputError) -> (ApplicationProfile.Scopes, fromSettings: [String]) {
        try onlyKeys(node, ["default", "always", "from_settings", "notes"], in: "scopes")
        let fromSettings = try strings(node["from_settings"], "scopes.from_settings")
        for key in fromSettings where settings.map({ !$0.contains { $0.key == key } }) ?? true {
            throw fail(node["from_settings"]!, "scopes.from_settings '\(key)' is not one of the profile's settings")
        }
        return (ApplicationProfile.Scopes(defaults: node["default"] == nil ? nil : try strings(node["default"], "scopes.default"),
                                          always: try strings(node["always"], "scopes.always")), fromSettings)
    }

    /// `FIELD: {default: TERM, setting: KEY, values: {VALUE: TERM}}` (token_auth_method,
    /// claims_from, pkce): every term one the field allows, the setting one of the profile's.
    /// claims_from may list `claims:` the application always reads (claims a scope delivers;
    /// `sub` and custom claims are every token's or not Authelia's to place). `notes` is for
    /// readers; a library profile may name the library `option` that changes the fact.
    func choice(_ field: String, _ node: YAMLNode, terms: Set<String>, settings: [ApplicationProfile.Setting]?) throws(InputError) -> ApplicationProfile.SettingChoice {
        let keys = ["default", "setting", "values", "notes", "option"] + (field == "claims_from" ? ["claims"] : [])
        try onlyKeys(node, keys, in: field)
        let allowed = terms.sorted().joined(separator: ", ")
        var result = ApplicationProfile.SettingChoice(defaultValue: nil, setting: nil, values: [:])
        if let term = node["default"] {
            let text = try string(term, "\(field).default")
            guard terms.contains(text) else { throw fail(term, "'\(text)' is not a valid \(field) (expected one of \(allowed))") }
            result.defaultValue = text
        }
        if let setting = node["setting"] {
            let key = try string(setting, "\(field).setting")
            guard let settings else { throw fail(setting, "a library profile has no settings: name the library option with 'option'") }
            guard settings.contains(where: { $0.key == key }) else { throw fail(setting, "\(field).setting '\(key)' is not one of the profile's settings") }
            result.setting = key
        }
        for pair in node["values"]?.pairs ?? [] {
            let term = try string(pair.value, "a \(field) value")
            guard let value = pair.key.string, terms.contains(term) else { throw fail(pair.value, "'\(term)' is not a valid \(field) (expected one of \(allowed))") }
            result.values[value] = term
        }
        if let list = node["claims"] {
            for item in list.items ?? [list] {
                let claim = try string(item, "a \(field) claim")
                guard ClientSchema.scope(delivering: claim) != nil else {
                    throw fail(item, "'\(claim)' is not a claim a scope delivers (e.g. groups, email, preferred_username)")
                }
                result.claims.append(claim)
            }
        }
        return result
    }

    // MARK: Versions and sources

    /// The citation of `fact`: `sources.FACT`; an Authelia page or repository is refused (a
    /// fact taken from the guides GuideKit checks can never find their defects).
    func source(of fact: String) throws(InputError) -> String? {
        guard let node = root["sources"]?[fact] else { return nil }
        return try citation(node, "sources.\(fact)")
    }

    func citation(_ node: YAMLNode, _ what: String) throws(InputError) -> String {
        let text = try string(node, what)
        if let problem = Self.citationProblem(text) { throw fail(node, "\(what): \(problem)") }
        return text
    }

    /// Why a citation cannot back an application or library fact, or `nil`.
    package static func citationProblem(_ text: String) -> String? {
        let lower = text.lowercased()
        if lower.containsLiteral("authelia.com") || lower.containsLiteral("authelia/authelia") || lower.containsLiteral("corpus/authelia") {
            return "cites Authelia's documentation or repository; an application fact needs the application's or its library's own source"
        }
        if lower.hasPrefix("unsourced") { return "has no source" }
        return nil
    }

    /// `versions:` entries for `fact`: `{fact, range, value | note, source}`. A value of the
    /// fact's own shape is a variant GuideKit uses; text is a note (the fact differed there
    /// in a way the profile does not model, so it is unknown for those releases).
    func variants<Value>(of fact: String, _ read: (YAMLNode) throws(InputError) -> Value) throws(InputError) -> [VersionedFact<Value>.Variant] {
        var result: [VersionedFact<Value>.Variant] = []
        for entry in root["versions"]?.items ?? [] where entry["fact"]?.string == fact {
            let rangeText = try string(entry["range"], "versions.range")
            guard let range = VersionRange(rangeText) else {
                throw fail(entry["range"]!, "'\(rangeText)' is not a release range (e.g. '<7.0', '>=1.2 <2.0', '~=65.0')")
            }
            let source = try citation(entry["source"] ?? entry, "versions.source")
            var value: Value?
            var note = entry["note"]?.string
            if let node = entry["value"] {
                if node.string != nil, node.scalarType == .string, fact != "redirect_uris" {
                    note = node.string
                } else if node.scalarType == .null {
                    note = note ?? "unknown for these releases"
                } else {
                    value = try read(node)
                }
            }
            guard value != nil || note != nil else { throw fail(entry, "a versions entry needs a value or a note") }
            result.append(.init(range: range, value: value, note: note, source: source))
        }
        return result
    }

    func checkVersionEntries() throws(InputError) {
        guard let versions = root["versions"] else { return }
        guard let items = versions.items else { throw fail(versions, "versions must be a list of {fact, range, value, source}") }
        for entry in items {
            try onlyKeys(entry, ["fact", "range", "value", "note", "source"], in: "versions entry")
            let fact = try string(entry["fact"], "versions.fact")
            guard Self.factKeys.contains(fact) || fact == "settings" else { throw yaml.unknown("fact", entry["fact"]!, known: Self.factKeys + ["settings"]) }
        }
    }

    /// A fact of the profile with its variants and source, or `nil` when not stated. A stated
    /// fact without a source is an error: every fact is checkable.
    func fact<Value>(_ name: String, _ read: (YAMLNode) throws(InputError) -> Value) throws(InputError) -> VersionedFact<Value>? {
        let variants = try variants(of: name, read)
        let node = root[name]
        guard node != nil || !variants.isEmpty else { return nil }
        let base = try node.map(read)
        let source = try source(of: name)
        if node != nil && source == nil {
            throw fail(node!, "the fact '\(name)' has no source: add sources.\(name) (the application's or library's file and function at a release, or its documentation page)")
        }
        return VersionedFact(base: base, source: source, variants: variants)
    }

    /// `unknown:` — facts the research could not establish, each with what was tried.
    func unknownFacts() throws(InputError) -> [String: String] {
        var result: [String: String] = [:]
        for pair in root["unknown"]?.pairs ?? [] {
            guard let key = pair.key.string else { continue }
            result[key] = pair.value.string ?? ""
        }
        return result
    }
}
