namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>Configuration section "Approvals".</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";
    /// <summary>Entra object ids of the people told when a request has nobody to decide it (a gap in the directory).</summary>
    public List<string> Admins { get; set; } = [];
    /// <summary>
    /// Teams' approvals channels ("19:…@thread.tacv2"), one per team that wants one; the app must be installed in the
    /// team. A request's card is posted to the channel of each team its requester is a member of.
    /// </summary>
    public List<string> Channels { get; set; } = [];
}
