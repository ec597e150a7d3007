/// What a fenced code block is for. Declared with a `guide` attribute after the language,
/// e.g. ```` ```yaml {guide="authelia-client"} ````, or inferred for untagged upstream guides.
public enum BlockRole: String, Sendable, CaseIterable, Equatable {
    /// Authelia's `identity_providers.oidc.clients` configuration.
    case autheliaClient = "authelia-client"
    /// The application's own settings (`Key: value`, `KEY=value` or `key value` lines).
    case appSettings = "app-settings"
    /// Shell commands the reader runs; `--flag value` options are read as settings.
    case shell = "shell"
    /// A block GuideKit must leave alone (examples of wrong configuration, say).
    case ignore = "ignore"
}

/// How a block's role was decided.
public enum RoleSource: Sendable, Equatable {
    case declared(SourceLocation)
    case inferred
}
