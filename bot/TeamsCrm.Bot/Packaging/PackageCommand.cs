namespace TeamsCrm.Bot.Packaging;

/// <summary>
/// <c>BOT_ID=… BOT_DOMAIN=… APP_VERSION=1.0.0 dotnet run --project bot/TeamsCrm.Bot -- package [--out file.zip]</c>:
/// writes the Teams app package (default artifacts/teamscrm-app.zip beside manifest/) from manifest/ in the repository
/// (found from the working directory up, or given with --manifest DIR) and the environment values
/// described on <see cref="AppPackageValues"/>.
/// </summary>
public static class PackageCommand
{
    public const string DefaultOutput = "artifacts/teamscrm-app.zip";

    public static int Run(string[] args, Func<string, string?> environment, TextWriter output, TextWriter errors)
    {
        var manifestDir = Option(args, "--manifest") ?? FindManifestDirectory(System.IO.Directory.GetCurrentDirectory());
        if (manifestDir is null || !File.Exists(Path.Combine(manifestDir, "manifest.json")))
        {
            errors.WriteLine("No manifest/manifest.json here or above; run from the repository or pass --manifest DIR.");
            return 1;
        }
        // `dotnet run` starts in the project's folder: the default output goes beside manifest/, at the repository root.
        var outPath = Option(args, "--out") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestDir))!, DefaultOutput);
        var (values, problems) = AppPackageValues.From(environment);
        if (values is null)
        {
            foreach (var problem in problems) errors.WriteLine(problem);
            return 1;
        }
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            using (var file = File.Create(outPath)) AppPackage.Write(manifestDir, values, file);
        }
        catch (InvalidOperationException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
        output.WriteLine($"Teams app package {Path.GetFullPath(outPath)}: app {values.Placeholders["TEAMS_APP_ID"]}, bot {values.Placeholders["BOT_ID"]} " +
            $"on {values.Placeholders["BOT_DOMAIN"]}, version {values.Placeholders["APP_VERSION"]}. Upload it in the Teams admin center (Manage apps → Upload new app).");
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    static string? FindManifestDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "manifest", "manifest.json"))) return Path.Combine(dir.FullName, "manifest");
        return null;
    }
}
