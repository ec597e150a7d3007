import Foundation
import GuideDocument

/// A profile file that cannot be used: named with its place, like any other input error.

/// Loads and validates application profiles. Every profile is checked when loaded (unknown
/// keys, wrong types, unknown meanings, bad patterns), so a broken profile stops the run
/// with a clear error instead of silently checking less.
public enum ProfileLoader {
    static let topKeys: Set<String> = ["id", "name", "match", "redirect_uris", "scopes", "settings", "docs", "exact_issuer",
                                       "token_auth_method", "claims_from", "pkce"]
    static let settingKeys: Set<String> = ["key", "names", "meaning", "type", "allowed", "pattern", "max_length", "default", "description"]

    /// The shipped profiles, loaded once per process.
    public static let bundledResult: Result<[ApplicationProfile], InputError> = Result { () throws(InputError) in try bundled() }

    /// The profiles shipped with GuideKit, compiled into the binary (`EmbeddedProfiles`):
    /// an installed `guidekit` needs no files beside it.
    public static func bundled() throws(InputError) -> [ApplicationProfile] {
        try parseAll(EmbeddedProfiles.applications)
    }

    public static func load(directory: String) throws(InputError) -> [ApplicationProfile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError(path: directory, message: "cannot list profiles: \(error.localizedDescription)")
        }
        var files: [(path: String, text: String)] = []
        for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let path = (directory as NSString).appendingPathComponent(name)
            files.append((path, try GuideFileReader(maximumBytes: 1_048_576).read(path)))
        }
        return try parseAll(files)
    }

    /// Profiles from (path, text) pairs; two with one id are an error naming both files.
    static func parseAll(_ files: [(path: String, text: String)]) throws(InputError) -> [ApplicationProfile] {
        var profiles: [ApplicationProfile] = []
        for (path, text) in files {
            let profile = try parse(text, file: path)
            if let clash = profiles.first(where: { $0.id == profile.id }) {
                throw InputError(path: path, message: "profile id '\(profile.id)' is also used by \(clash.file)")
            }
            profiles.append(profile)
        }
        return profiles
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> ApplicationProfile {
        let yaml = try YAMLFile.parse(text, path: file, what: "a profile")
        guard let root = yaml.root else { throw InputError(path: file, message: "the profile is empty") }
        let fail = yaml.fail
        guard let pairs = root.pairs else { throw fail(root, "a profile is a mapping with id, name, match, settings, ...") }
        for pair in pairs {
            guard let key = pair.key.string, topKeys.contains(key) else { throw yaml.unknown("profile key", pair.key, known: topKeys.sorted()) }
        }
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

        func boolean(_ node: YAMLNode?, _ what: String) throws(InputError) -> Bool {
            guard let node else { return false }
            guard node.scalarType == .bool, let value = ClientDecoder.bool(node.string ?? "") else {
                throw fail(node, "\(what) must be true or false")
            }
            return value
        }

        /// `FIELD: {default: TERM, setting: KEY, values: {VALUE: TERM}}` (token_auth_method,
        /// claims_from, pkce): every term one the field allows, the setting one of the profile's.
        /// claims_from may list `claims:` the application always reads (scope claims only).
        func choice(_ field: String, _ node: YAMLNode?, terms: Set<String>, settings: [ApplicationProfile.Setting]) throws(InputError) -> ApplicationProfile.SettingChoice? {
            guard let node else { return nil }
            let keys = ["default", "setting", "values"] + (field == "claims_from" ? ["claims"] : [])
            guard let pairs = node.pairs else { throw fail(node, "\(field) must be a mapping with \(keys.joined(separator: ", "))") }
            for pair in pairs where !keys.contains(pair.key.string ?? "") {
                throw fail(pair.key, "unknown \(field) key '\(pair.key.string ?? "?")' (expected \(keys.joined(separator: ", ")))")
            }
            let allowed = terms.sorted().joined(separator: ", ")
            var result = ApplicationProfile.SettingChoice(defaultValue: nil, setting: nil, values: [:])
            if let term = node["default"] {
                let text = try string(term, "\(field).default")
                guard terms.contains(text) else { throw fail(term, "'\(text)' is not a valid \(field) (expected one of \(allowed))") }
                result.defaultValue = text
            }
            if let setting = node["setting"] {
                let key = try string(setting, "\(field).setting")
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

        let id = try string(root["id"], "id")
        guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw fail(root["id"]!, "id '\(id)' must use only a-z, 0-9 and '-'")
        }
        let name = try string(root["name"], "name")
        let match = root["match"]
        if let match, match.pairs == nil { throw fail(match, "match must be a mapping with files and/or titles") }
        for pair in match?.pairs ?? [] where !["files", "titles"].contains(pair.key.string ?? "") {
            throw fail(pair.key, "unknown match key '\(pair.key.string ?? "?")' (expected files, titles)")
        }
        var redirects: [ApplicationProfile.RedirectRequirement] = []
        for item in root["redirect_uris"]?.items ?? [] {
            let alternatives = item["one_of"].map { node in Result { () throws(InputError) in try strings(node, "one_of") } }
            switch alternatives {
            case .success(let list)?: redirects.append(.init(alternatives: list))
            case .failure(let error)?: throw error
            case nil: redirects.append(.init(alternatives: [try string(item, "a redirect URI template")]))
            }
        }
        for template in redirects.flatMap(\.alternatives) where !template.containsLiteral("{origin}") && !template.containsLiteral("{root}") && !template.containsLiteral("://") {
            throw fail(root["redirect_uris"]!, "redirect URI template '\(template)' must start with {origin}, {root} or a scheme")
        }

        let scopes = root["scopes"]
        for pair in scopes?.pairs ?? [] where !["default", "always"].contains(pair.key.string ?? "") {
            throw fail(pair.key, "unknown scopes key '\(pair.key.string ?? "?")' (expected default, always)")
        }

        var settings: [ApplicationProfile.Setting] = []
        guard let settingNodes = root["settings"]?.items else { throw fail(root, "settings must be a list") }
        for node in settingNodes {
            guard let settingPairs = node.pairs else { throw fail(node, "each setting is a mapping with key, names, meaning, type, ...") }
            for pair in settingPairs where !settingKeys.contains(pair.key.string ?? "") {
                throw yaml.unknown("setting key", pair.key, known: settingKeys.sorted())
            }
            let key = try string(node["key"], "key")
            var meaning: SettingMeaning?
            if let meaningNode = node["meaning"] {
                let text = try string(meaningNode, "meaning")
                guard let known = SettingMeaning.profileNames[text] else {
                    throw fail(meaningNode, "unknown meaning '\(text)' (known: \(SettingMeaning.profileNames.keys.sorted().joined(separator: ", ")))")
                }
                meaning = known
            }
            var type = ApplicationProfile.Setting.ValueType.string
            if let typeNode = node["type"] {
                let text = try string(typeNode, "type")
                guard let known = ApplicationProfile.Setting.ValueType(rawValue: text) else {
                    throw fail(typeNode, "unknown type '\(text)' (known: string, url, boolean, integer)")
                }
                type = known
            }
            var pattern: ApplicationProfile.Pattern?
            if let patternNode = node["pattern"] {
                let source = try string(patternNode, "pattern")
                do { pattern = try .init(source) } catch { throw fail(patternNode, "pattern is not a valid regular expression: \(error)") }
            }
            var maxLength: Int?
            if let lengthNode = node["max_length"] {
                guard let value = Int(lengthNode.string ?? ""), value > 0 else { throw fail(lengthNode, "max_length must be a positive integer") }
                maxLength = value
            }
            let names = try strings(node["names"], "names")
            settings.append(.init(key: key, names: names.isEmpty ? [key] : names + [key], meaning: meaning, type: type,
                                  allowed: node["allowed"] == nil ? nil : try strings(node["allowed"], "allowed"),
                                  pattern: pattern, maxLength: maxLength,
                                  defaultValue: node["default"]?.string))
        }
        // `{setting:KEY}` in a redirect URI template must name one of the profile's settings.
        for template in redirects.flatMap(\.alternatives) {
            for key in ApplicationProfile.settingKeys(inTemplate: template) where !settings.contains(where: { $0.key == key }) {
                throw fail(root["redirect_uris"]!, "redirect URI template '\(template)' names {setting:\(key)}, which is not one of the profile's settings")
            }
        }
        return ApplicationProfile(
            id: id, name: name, file: file,
            // Lower-cased once here: matching is case-insensitive and compares every guide
            // with every profile.
            matchFiles: try strings(match?["files"], "match.files").map { $0.lowercased() },
            matchTitles: try strings(match?["titles"], "match.titles").map { $0.lowercased() },
            redirectURIs: redirects,
            defaultScopes: scopes?["default"] == nil ? nil : try strings(scopes?["default"], "scopes.default"),
            alwaysScopes: try strings(scopes?["always"], "scopes.always"),
            exactIssuer: try boolean(root["exact_issuer"], "exact_issuer"),
            settings: settings,
            docs: root["docs"]?.string,
            tokenAuthMethod: try choice("token_auth_method", root["token_auth_method"],
                                        terms: Set(ClientSchema.authMethods.filter { !$0.isEmpty } + [ApplicationProfile.SettingChoice.any]), settings: settings),
            claimsFrom: try choice("claims_from", root["claims_from"], terms: ["id_token", "userinfo", ApplicationProfile.SettingChoice.any], settings: settings),
            pkce: try choice("pkce", root["pkce"], terms: ["S256", "plain", "none", ApplicationProfile.SettingChoice.any], settings: settings))
    }
}
