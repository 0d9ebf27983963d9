using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace TeamsCrm.Deploy.Tests;

/// <summary>
/// The official Teams JSON schemas, as Microsoft publishes them in the @microsoft/m365agentstoolkit-cli npm package
/// (json-schemas/teams/vX.Y). `npm pack` fetches the pinned version into a temporary folder — no global install, nothing
/// in node_modules — and only the schema folder of our manifest version is unpacked, once per machine and version.
/// </summary>
public static class TeamsSchemas
{
    /// <summary>Pinned: a newer toolkit may carry newer schema versions, but ours must stay the same until we move.</summary>
    public const string ToolkitPackage = "@microsoft/m365agentstoolkit-cli@1.1.17";
    public const string ManifestVersion = "1.30";

    static readonly Lazy<Task<string>> Folder = new(FetchAsync);

    /// <summary>The folder holding MicrosoftTeams.schema.json and MicrosoftTeams.Localization.schema.json.</summary>
    public static Task<string> FolderAsync() => Folder.Value;

    static async Task<string> FetchAsync()
    {
        var cache = Path.Combine(Path.GetTempPath(), "teamscrm-teams-schemas", ToolkitPackage.Replace('/', '_').Replace('@', '_'), "v" + ManifestVersion);
        if (File.Exists(Path.Combine(cache, "MicrosoftTeams.schema.json"))) return cache;

        var work = Directory.CreateTempSubdirectory("teamscrm-npm-pack-");
        try
        {
            var npm = new ProcessStartInfo("npm", ["pack", ToolkitPackage, "--silent", "--pack-destination", work.FullName])
            {
                WorkingDirectory = work.FullName, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using (var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm."))
            {
                var errors = process.StandardError.ReadToEndAsync();
                await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
                if (process.ExitCode != 0) throw new InvalidOperationException($"npm pack {ToolkitPackage} failed: {await errors}");
            }
            var tarball = work.GetFiles("*.tgz").Single().FullName;
            var staging = Path.Combine(work.FullName, "schemas");
            Directory.CreateDirectory(staging);
            var prefix = $"package/json-schemas/teams/v{ManifestVersion}/";
            await using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            using (var tar = new TarReader(gzip))
                while (await tar.GetNextEntryAsync() is { } entry)
                    if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.Name.StartsWith(prefix, StringComparison.Ordinal)
                        && !entry.Name[prefix.Length..].Contains('/'))
                        await entry.ExtractToFileAsync(Path.Combine(staging, entry.Name[prefix.Length..]), overwrite: true);
            if (!File.Exists(Path.Combine(staging, "MicrosoftTeams.schema.json")))
                throw new InvalidOperationException($"{ToolkitPackage} carries no json-schemas/teams/v{ManifestVersion}.");

            Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
            try { Directory.Move(staging, cache); }
            catch (IOException) when (File.Exists(Path.Combine(cache, "MicrosoftTeams.schema.json"))) { }   // another run got there first
            return cache;
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
