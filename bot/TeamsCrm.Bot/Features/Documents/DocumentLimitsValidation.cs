using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>Documents:* checked at start.</summary>
public sealed class DocumentLimitsValidation : IValidateOptions<DocumentLimits>
{
    public ValidateOptionsResult Validate(string? name, DocumentLimits o)
    {
        var problems = new List<string>();
        if (o.MaxBytes is < 1 or > 250L * 1024 * 1024)
            problems.Add($"Documents:MaxBytes '{o.MaxBytes}' must be between 1 and 262144000 (250 MB, the most Teams and SharePoint take in one file here).");
        if (o.AllowedTypes.Count == 0 || o.AllowedTypes.Any(t => t.Length is 0 or > 10 || t.Any(ch => !char.IsAsciiLetterOrDigit(ch) && ch != '.')))
            problems.Add("Documents:AllowedTypes must list file extensions such as pdf, jpg, docx.");
        if (o.MaxFilesPerMessage is < 1 or > 50)
            problems.Add($"Documents:MaxFilesPerMessage '{o.MaxFilesPerMessage}' must be between 1 and 50.");
        if (o.InboxLifetime < TimeSpan.FromMinutes(10) || o.InboxLifetime > TimeSpan.FromDays(30))
            problems.Add($"Documents:InboxLifetime '{o.InboxLifetime}' must be between 10 minutes and 30 days.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
