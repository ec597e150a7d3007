import GuideDocument
import GuideKnowledge

/// What each application setting of one guide means — the one answer every part of GuideKit
/// uses (rules, render, `extract`, and the masking of secrets in every output).
///
/// The guide's application profile decides first (Gitea's `--secret`, Proxmox's
/// `Client Key`); GuideKit's recognition of setting names (`SettingMeaning(settingName:)`)
/// is the fallback. Computed once per guide, one entry per setting.
public struct SettingMeanings: Sendable {
    /// The application profile that applies to the guide, if any.
    public let profile: ApplicationProfile?
    /// Why the profile applies ("file name 'grafana'"), when one does.
    public private(set) var profileReason: String?
    private let meanings: [SettingKey: SettingMeaning]

    /// A setting's identity within its guide: where its name and value are written.
    private struct SettingKey: Hashable {
        var key: SourceLocation
        var value: SourceLocation
        init(_ setting: AppSetting) {
            key = setting.key.location
            value = setting.value.location
        }
    }

    public init(guide: Guide, profile: ApplicationProfile?) {
        self.profile = profile
        var meanings: [SettingKey: SettingMeaning] = [:]
        for setting in guide.settings {
            let meaning = profile?.setting(for: setting)?.meaning ?? setting.nameMeaning
            if let meaning { meanings[SettingKey(setting)] = meaning }
        }
        self.meanings = meanings
    }

    /// Matches the guide against `profiles` (by front matter, file name or title), with the
    /// profile's facts resolved for the application release the guide was tested with.
    public init(guide: Guide, profiles: [ApplicationProfile]) {
        let match = ProfileMatcher.match(for: guide, in: profiles)
        self.init(guide: guide, profile: match?.profile.resolved(for: guide))
        profileReason = match?.reason
    }

    public func meaning(of setting: AppSetting) -> SettingMeaning? {
        meanings[SettingKey(setting)]
    }

    /// Whether the setting holds a secret (so its value is never shown).
    public func isSecret(_ setting: AppSetting) -> Bool {
        let meaning = meaning(of: setting)
        return meaning == .clientSecret || meaning == .clientIDOrSecret
    }

    /// Plaintext secrets the guide states: the Client Secret assumption, `$plaintext$`
    /// client secrets, and every application setting that means a secret. Output masks them.
    /// - Parameter includingAmbiguous: also values of settings that mean the client id *or*
    ///   the secret ("Client Key"); right for whole values, too eager inside longer text
    ///   (Opengist's client key `opengist` is also its host name).
    public func secretValues(in guide: Guide, includingAmbiguous: Bool = true) -> Set<String> {
        var values: Set<String> = []
        if let secret = guide.assumption(.clientSecret)?.value?.text { values.insert(secret) }
        for client in guide.clients {
            if let secret = client.clientSecret?.string, !secret.hasPrefix("$") || secret.hasPrefix("$plaintext$") {
                values.insert(secret.hasPrefix("$plaintext$") ? String(secret.dropFirst(11)) : secret)
            }
        }
        // A placeholder (`<Client Secret>`, `YOUR_CLIENT_SECRET`) stands where a secret belongs
        // but is none: masking it would hide the very word a finding about it must show.
        for setting in guide.settings where includingAmbiguous ? isSecret(setting) : meaning(of: setting) == .clientSecret {
            if Placeholder.of(setting.value.value) == nil { values.insert(setting.value.value) }
        }
        return values.filter { $0.count >= 4 }
    }
}
