using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Briefs;

/// <summary>
/// One planned visit of the brief: the plan's item, and its customer's file when the rep owns it (null otherwise — a file
/// handed to someone else since, or gone: the brief then names the customer and offers Open, which applies its own rights).
/// </summary>
public sealed record BriefVisit(VisitPlanItem Item, FileBeforeVisit? File);
