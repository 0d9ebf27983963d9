using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>Import:* settings for the ledger import (chat flow and command line).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";
    /// <summary>Data rows allowed per sheet: a larger file is refused while it is read, before anything is written.</summary>
    public int MaxRows { get; set; } = 100_000;
    /// <summary>Rows checked and written together: one duplicate query and one bulk write per batch.</summary>
    public int BatchSize { get; set; } = 250;
    /// <summary>The zone a ledger's visit dates and times are in (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>The language of the command line's report and of the history line "imported from …" it writes.</summary>
    public string Language { get; set; } = "zh-CN";
    /// <summary>Whether this instance sweeps for applies cut short (tests run <c>ImportDesk.ResumeDueAsync</c> themselves).</summary>
    public bool RunSweep { get; set; } = true;
}

public sealed class ImportOptionsValidation : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions o)
    {
        var problems = new List<string>();
        if (o.MaxRows is < 1 or > 1_048_576) problems.Add("Import:MaxRows must be between 1 and 1,048,576 (Excel's last row).");
        if (o.BatchSize is < 1 or > 5_000) problems.Add("Import:BatchSize must be between 1 and 5,000.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _)) problems.Add($"Import:TimeZone '{o.TimeZone}' is no known time zone.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
