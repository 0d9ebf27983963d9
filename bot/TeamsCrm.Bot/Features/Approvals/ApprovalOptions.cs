namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>Configuration section "Approvals".</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";
    /// <summary>Entra object ids of the people told when a request has nobody to decide it (a gap in the directory).</summary>
    public List<string> Admins { get; set; } = [];
    /// <summary>
    /// Teams' approvals channels ("19:…@thread.tacv2"), one per team that wants one; the app must be installed in the
    /// team. A request's card is posted to the channel of each team its requester is a member of, as its summary.
    /// </summary>
    public List<string> Channels { get; set; } = [];
    /// <summary>False: no background sweep of the steps decisions left (tests run <see cref="ApprovalDesk.FinishDueAsync"/> themselves).</summary>
    public bool RunFinisher { get; set; } = true;
    /// <summary>How often the sweep looks for decisions with steps left whose time has come.</summary>
    public TimeSpan FinishInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// How long a run holds a decision's steps: nobody else starts them meanwhile, and a run that dies is taken over when it
    /// ends. It must outlast the steps, each connector call's whole timeout (30 s) included: the requester's message goes out
    /// only with at least half of it left.
    /// </summary>
    public TimeSpan FinishLease { get; set; } = TimeSpan.FromMinutes(2);
}
