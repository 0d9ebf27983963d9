using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Operations;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// <c>dotnet TeamsCrm.Bot.dll import &lt;file&gt; [--dry-run] [--owner-map &lt;file&gt;] [--as &lt;email&gt;]</c>: the first load of
/// a company's ledgers by an admin, into the archive the bot is configured with (same configuration sources as the bot). Prints
/// the report row by row. Exit code 0: every row imported (or would be); 1: some rows were not (duplicates, unknown owners,
/// refused fields — listed); 2: nothing done (the file is refused, or the command is wrong).
/// The importer recorded in each file's history is <c>--as</c>, else the directory's first sales manager.
/// </summary>
public static class ImportCommand
{
    const string Usage = "usage: import <file.xlsx|file.csv> [--dry-run] [--owner-map <file>] [--as <email>]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Action<HostApplicationBuilder>? customize = null)
    {
        var (file, dryRun, ownerMapFile, importerEmail, rest) = Parse(args);
        if (file is null)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        var builder = Host.CreateApplicationBuilder(rest);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDirectory(builder.Configuration);
        builder.Services.AddArchive();
        builder.Services.AddValidatedOptions<ImportOptions, ImportOptionsValidation>(ImportOptions.Section);
        builder.Services.AddSingleton<LedgerImporter>();
        customize?.Invoke(builder);
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<ImportOptions>>().Value;
        var culture = T.CultureFor(options.Language);
        try
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"No file {file}.");
            var ownerMap = ownerMapFile is null ? new Dictionary<string, string>() : OwnerMapFile.Read(ownerMapFile, options.MaxRows);
            var importer = await ImporterAsync(host.Services.GetRequiredService<IDirectory>(), importerEmail)
                ?? throw new InvalidOperationException(importerEmail is null
                    ? "The directory has no sales manager to import as: name one with --as <email>."
                    : $"{importerEmail} is no sales manager in the directory.");
            var engine = host.Services.GetRequiredService<LedgerImporter>();
            var source = await LedgerSource.FromFileAsync(file);
            var request = new ImportRequest(importer, ownerMap, culture, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));
            var mapping = engine.Propose(source);
            foreach (var sheet in mapping.Sheets)
                await output.WriteLineAsync($"{sheet.Sheet}: {sheet.Kind}, header row {sheet.HeaderRow}"
                    + (sheet.Unrecognised.Any() ? $"; not recognised: {string.Join(", ", sheet.Unrecognised.Select(c => c.Label))}" : ""));
            void Print(RowVerdict v) => output.WriteLine(
                $"{v.Sheet}!{v.Row}\t{T.Get(culture, "import.outcome." + v.Outcome)}\t{v.Label}\t{v.Detail}");
            ImportReport report;
            if (dryRun) report = await engine.DryRunAsync(source, mapping, request, Print);
            else report = await engine.ApplyAsync(source, await engine.StartAsync(source, mapping, request), request, Print);
            await output.WriteLineAsync(ImportText.Summary(report, culture));
            if (report.UnknownOwners.Count > 0)
                await output.WriteLineAsync($"{T.Get(culture, "import.unknownOwners")}: {string.Join(", ", report.UnknownOwners)}");
            return report.HasProblems ? 1 : 0;
        }
        catch (WorkbookRefusedException e)
        {
            await errors.WriteLineAsync(ImportText.Refused(e, culture, options.MaxRows));
            return 2;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or ImportRunConflictException)
        {
            await errors.WriteLineAsync($"Import failed: {e.Message}");
            return 2;
        }
    }

    static (string? File, bool DryRun, string? OwnerMap, string? As, string[] Config) Parse(string[] args)
    {
        string? file = null, ownerMap = null, importer = null;
        var dryRun = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run": dryRun = true; break;
                case "--owner-map" when i + 1 < args.Length: ownerMap = args[++i]; break;
                case "--as" when i + 1 < args.Length: importer = args[++i]; break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    // Configuration, as the bot takes it: --Archive:Provider SharePoint, --Archive:Sqlite:Path=…
                    rest.Add(a);
                    if (!a.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length) rest.Add(args[++i]);
                    break;
                case var a when file is null: file = a; break;
                default: return (null, false, null, null, []);
            }
        }
        return (file, dryRun, ownerMap, importer, [.. rest]);
    }

    /// <summary>An import is a sales manager's approval of every file it files: the importer must be one.</summary>
    static async Task<Person?> ImporterAsync(IDirectory directory, string? email)
    {
        var managers = await directory.WithRoleAsync(Role.SalesManager);
        return email is null ? managers.FirstOrDefault()
            : managers.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase) || p.AadObjectId == email);
    }
}
