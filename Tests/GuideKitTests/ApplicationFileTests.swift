import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideRender

/// The files `render` writes for an application: named as the application expects them, one
/// YAML document each, a repeated snippet once.
struct ApplicationFileTests {
    /// An upstream-style guide: an `.env` block, a Compose file without a title, a sibling
    /// "Configuration File" section the application's steps link to, a snippet the guide shows
    /// twice ("Add the following to ... `config.php`"), a two-document manifest and a command.
    static let guide = "---\ntitle: \"App\"\n---\n" + CrossCheckTests.assumptions + CrossCheckTests.client() + """

        #### Application

        There is one method, using the [Configuration File](#configuration-file).

        ```shell {title=".env"}
        OIDC_CLIENT_ID=app
        ```

        ```yaml
        services:
          app:
            environment:
              OIDC_CLIENT_ID: 'app'
        ```

        #### Configuration File

        ```php {title="config.php"}
        $CONFIG = array (
          'oidc_client_id' => 'app',
        );
        ```

        ##### Web GUI

        1. Add the following to the `config.php` configuration:
        ``` php
        'oidc' => ['auth_method' => 'client_secret_post'],
        ```

        ##### CLI

        1. Add the following to the `config.php` configuration:
        ``` php
        'oidc' => ['auth_method' => 'client_secret_post'],
        ```

        ```yaml
        kind: ConfigMap
        data: {a: '1'}
        ---
        kind: Secret
        data: {b: '2'}
        ```

        ```shell
        app-cli set oidc.client-id app
        ```
        """

    @Test func filesAreNamedAsTheApplicationExpectsAndWrittenOnce() throws {
        let guide = GuideParser.parse(path: "app.md", text: Self.guide)
        // The section the application's steps link to counts as theirs.
        #expect(guide.codeBlocks.filter { $0.language == "php" }.allSatisfy { $0.inApplicationSection })
        let files = Dictionary(uniqueKeysWithValues: ArtifactExtractor.artifacts(from: guide).map { ($0.name, $0.content) })
        #expect(files.keys.sorted() == ["authelia-client.yml", ".env", "cli.sh", "cli.yml", "cli-2.yml", "compose.yml",
                                        "config.php", "config.php.fragment"].sorted())
        #expect(files[".env"] == "OIDC_CLIENT_ID=app\n")
        #expect(files["config.php"]?.hasPrefix("$CONFIG = array (") == true)
        #expect(files["config.php.fragment"] == "'oidc' => ['auth_method' => 'client_secret_post'],\n")
        // One YAML document per file.
        #expect(files["cli.yml"] == "kind: ConfigMap\ndata: {a: '1'}\n")
        #expect(files["cli-2.yml"] == "kind: Secret\ndata: {b: '2'}\n")
    }

    @Test func aClientBlockOfTwoDocumentsBecomesTwoFiles() throws {
        let text = """
            ```yaml {guide="authelia-client"}
            - client_id: 'one'
              redirect_uris: ['https://one.example.com/cb']
            ---
            - client_id: 'two'
              redirect_uris: ['https://two.example.com/cb']
            ```
            """
        let files = ArtifactExtractor.artifacts(from: GuideParser.parse(path: "x.md", text: text))
        #expect(files.map(\.name) == ["authelia-client.yml", "authelia-client-2.yml"])
        for file in files {
            let documents = try YAMLReader.read(file.content) { line, column in SourceLocation(line: line, column: column) }
            #expect(documents.count == 1, "\(file.name)")
        }
    }

    /// "Add the Client Secret:" over a whole manifest is not a fragment, nor is a command;
    /// the same content under another name is another file; names differing in case only
    /// are numbered.
    @Test func fragmentsNeedAnAddToAndNamesIgnoreCase() throws {
        let text = """
            ### Application

            Add the Client Secret:

            ```yaml {title="secret.yaml"}
            kind: Secret
            ```

            Run this to add the provider:

            ```shell
            app provider add
            ```

            ```text {title="Guide.md"}
            kind: Secret
            ```
            """
        let files = ArtifactExtractor.artifacts(from: GuideParser.parse(path: "x.md", text: text)).map(\.name)
        #expect(files == ["secret.yaml", "application.sh", "Guide-2.md"])
    }

    @Test func namesStaySafe() {
        #expect(ApplicationFileName.safeName("/etc/pve/domains.cfg") == "domains.cfg")
        #expect(ApplicationFileName.safeName(".env") == ".env")
        for hostile in ["..", ".", "../..", "$(id)", "-rf", ".guidekit-state.json", "a\nb/..", String(repeating: "a", count: 300)] {
            let name = ApplicationFileName.safeName(hostile)
            #expect(name == nil || (name!.first != "-" && !name!.hasPrefix("..") && name!.utf8.count <= 100 && !name!.contains("/")),
                    "\(hostile) → \(name ?? "nil")")
        }
        #expect(ArtifactExtractor.FileSet.numbered(".env", 2) == ".env-2")
        #expect(ArtifactExtractor.FileSet.numbered("domains.cfg.fragment", 3) == "domains-3.cfg.fragment")
    }
}
