namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>Configuration section "Approvals".</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";
    /// <summary>Entra object ids of the people told when a request has nobody to decide it (a gap in the directory).</summary>
    public List<string> Admins { get; set; } = [];
    /// <summary>A channel ("19:…@thread.tacv2") that gets a copy of every request card; the app must be installed in its team.</summary>
    public string? ChannelId { get; set; }
}
