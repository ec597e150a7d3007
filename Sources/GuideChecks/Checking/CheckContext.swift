import Foundation
import SecretDigests
import GuideDocument
import GuideKnowledge

/// Everything a rule may look at for one guide: the guide, the Authelia version it is checked
/// against, its clients decoded with the schema, and the digest verifications of the run.
public struct CheckContext: Sendable {
    public var guide: Guide
    public var version: AutheliaVersion
    /// Where `version` came from, in words (`--verbose`).
    public let versionSource: String
    public var clients: [DecodedClient]
    public var provider: ProviderDefinitions
    /// What each application setting means (the profile's say first).
    public var meanings: SettingMeanings
    /// The plaintext secrets every output of this guide must mask (worked out once).
    public let secretValues: Set<String>
    /// The application's profile, when GuideKit has one for this guide.
    public var profile: ApplicationProfile? { meanings.profile }
    /// Per client (same order as `clients`): the parsed `client_secret`, when one is written.
    public var digests: [Result<Digest, DigestError>?]
    /// Per client: the plaintext secrets the guide states for it.
    public var statements: [[SecretStatement]]
    /// Results of every verification of the run, shared by all guides.
    public var verifications: [VerificationRequest: DigestVerification] = [:]
    /// Every profile the run knows (for "did you mean" when a guide matches none of them);
    /// the run's own array, shared, not copied per guide.
    public let profiles: [ApplicationProfile]

    /// The page's class (guide or reference) and why: decides which rules apply, and a
    /// reference page is matched to no application profile.
    public let page: PageClassification

    /// Where the guide is published (a content folder on disk, or Authelia's site for an
    /// upstream guide), when known: its relative links are resolved there.
    public let docs: DocsLocation?

    /// Builds the context; `version` overrides the guide's own `authelia_version` front matter,
    /// `page` the class the page's content gives it (`.guidekit.yml` overrides).
    public init(guide: Guide, version: AutheliaVersion? = nil, profiles: [ApplicationProfile] = [], page: PageClassification? = nil) {
        self.guide = guide
        self.profiles = profiles
        let page = page ?? PageClassification.of(guide)
        self.page = page
        docs = DocsLocation.of(guide)
        let meanings = SettingMeanings(guide: guide, profiles: page.pageClass == .guide ? profiles : [])
        self.meanings = meanings
        secretValues = meanings.secretValues(in: guide)
        self.version = version ?? guide.declaredVersion ?? .newestKnown
        versionSource = version != nil ? "the command line or .guidekit.yml"
            : guide.declaredVersion != nil ? "front matter 'authelia_version'" : "the newest release GuideKit knows; the guide names none"
        let decoder = ClientDecoder(version: self.version)
        clients = guide.clients.map { decoder.decode($0.node, blockIndex: $0.blockIndex) }
        provider = ProviderDefinitions(guide: guide)
        digests = clients.map { decoded in
            decoded.client.writtenSecret.map { field in Result { () throws(DigestError) in try DigestParser.parse(field.value) } }
        }
        let count = clients.count
        statements = clients.map {
            SecretStatement.statements(for: $0.client, in: guide, clientCount: count, meaning: meanings.meaning(of:))
        }
    }

    /// What an application setting means (`SettingMeanings`).
    public func meaning(of setting: AppSetting) -> SettingMeaning? {
        meanings.meaning(of: setting)
    }


    /// The client the application side talks to: the one named by the Client ID assumption,
    /// else the first.
    public var primaryClient: OIDCClient? {
        let expected = guide.assumption(.clientID)?.value?.text
        return clients.first { $0.client.clientID?.value == expected }?.client ?? clients.first?.client
    }

    /// The scopes the application asks for, from its scope settings (space, comma or plus
    /// separated, percent-encoding undone). `complete` is false when the guide only gives
    /// scopes added to the application's own defaults; `nil` when it gives none.
    public var requestedScopes: (scopes: [Located<String>], complete: Bool)? {
        var scopes: [Located<String>] = []
        var complete = false
        for setting in guide.settings where !TemplateSyntax.isTemplated(setting.value.value) {
            let meaning = meaning(of: setting)
            guard meaning == .scopes || meaning == .additionalScopes else { continue }
            complete = complete || meaning == .scopes
            let decoded = setting.value.value.removingPercentEncoding ?? setting.value.value
            for part in ScopeList.split(decoded)
            where !["true", "false"].contains(part.lowercased()) {
                scopes.append(Located(String(part), at: setting.value.location, length: setting.value.length))
            }
        }
        if let profile {
            // The application's documented default when the guide sets no scopes, and the
            // scopes it always adds (Proxmox always sends openid).
            // Only when the guide shows how the application is configured: a guide that shows
            // none of its settings (or only in a form GuideKit does not read) may set scopes there.
            if scopes.isEmpty, !guide.settings.isEmpty, let defaults = profile.defaultScopes, let anchor = guide.clients.first?.node {
                let location = Located("", at: anchor.location)
                scopes = defaults.map { Located($0, at: location.location) }
                complete = true
            }
            if !scopes.isEmpty {
                for scope in profile.alwaysScopes where !scopes.contains(where: { $0.value == scope }) {
                    scopes.append(Located(scope, at: scopes[0].location, length: scopes[0].length))
                }
                // Settings whose value the application also requests as a scope (Opengist's
                // group claim name).
                for key in profile.scopesFromSettings {
                    for written in profile.writtenSettings(key, in: guide) {
                        let value = ConfigLineReader.unquoted(written.value.value)
                        guard !value.isEmpty, !TemplateSyntax.isTemplated(value), !scopes.contains(where: { $0.value == value }) else { continue }
                        scopes.append(Located(value, at: written.value.location, length: written.value.length))
                    }
                }
            }
        }
        return scopes.isEmpty ? nil : (scopes, complete)
    }

    /// Scopes `client` allows, counting every block that shows the same client id (a later
    /// block may add a custom scope to the client of an earlier one).
    public func allowedScopes(for client: OIDCClient) -> [String] {
        var scopes = client.effectiveScopes
        for other in clients where other.client.clientID?.value == client.clientID?.value && other.client.node != client.node {
            scopes += (other.client.scopes ?? []).map(\.value).filter { !scopes.contains($0) }
        }
        return scopes
    }

    /// The verifications this guide needs: hashed digests that parse, against each stated secret.
    public var verificationRequests: [VerificationRequest] {
        var requests: [VerificationRequest] = []
        for (index, decoded) in clients.enumerated() {
            guard case .success(let digest)? = digests[index], !digest.isPlaintext,
                  let text = decoded.client.writtenSecret?.value else { continue }
            requests += statements[index].map { VerificationRequest(digest: text, secret: $0.secret) }
        }
        return requests
    }
}
