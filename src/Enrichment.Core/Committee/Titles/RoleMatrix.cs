namespace Enrichment.Committee.Titles;

/// <summary>The role matrix of COMMITTEE.md: department × seniority → committee role.</summary>
public static class RoleMatrix
{
    public static CommitteeRole Role(Seniority seniority, Department department, bool governance = false, bool trainee = false)
    {
        if (trainee || seniority == Seniority.Assistant)
        {
            return CommitteeRole.None;
        }

        var buyer = seniority is Seniority.CLevel or Seniority.Vp;
        return department switch
        {
            Department.Other => CommitteeRole.None,
            Department.Procurement or Department.Legal => CommitteeRole.Blocker,
            Department.Security when governance => CommitteeRole.Blocker,
            Department.Security => buyer ? CommitteeRole.Blocker
                : seniority == Seniority.Unknown ? CommitteeRole.None : CommitteeRole.TechnicalEvaluator,
            Department.It or Department.Engineering or Department.Data => buyer ? CommitteeRole.EconomicBuyer
                : seniority == Seniority.Unknown ? CommitteeRole.None : CommitteeRole.TechnicalEvaluator,
            _ => seniority switch
            {
                Seniority.CLevel or Seniority.Vp => CommitteeRole.EconomicBuyer,
                Seniority.Director or Seniority.Manager => CommitteeRole.Champion,
                Seniority.SeniorIc or Seniority.Ic => CommitteeRole.EndUser,
                _ => CommitteeRole.None,
            },
        };
    }
}
