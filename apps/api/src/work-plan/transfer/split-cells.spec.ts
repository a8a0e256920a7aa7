import { splitLeads, splitList } from './split-cells';

describe('splitLeads', () => {
  it('splits run-together titles from a Word table (seed 000)', () => {
    expect(splitLeads('Network Medical Lead Network Rehab Director Network Manager', [])).toEqual([
      'Network Medical Lead',
      'Network Rehab Director',
      'Network Manager',
    ]);
    expect(splitLeads('Network Medical Lead Network Manager ICB Systems', [])).toEqual(['Network Medical Lead', 'Network Manager', 'ICB Systems']);
    expect(splitLeads('Network Chair, Network Medical Lead Network Manager', [])).toEqual([
      'Network Chair',
      'Network Medical Lead',
      'Network Manager',
    ]);
    expect(splitLeads('Network Manager EMAS Medical Director', [])).toEqual(['Network Manager', 'EMAS Medical Director']);
    expect(splitLeads('Network Manager Network QSI Lead', [])).toEqual(['Network Manager', 'Network QSI Lead']);
    expect(splitLeads('Network Medical Lead Network Rehab Director Network Manager Spinal Network', [])).toEqual([
      'Network Medical Lead',
      'Network Rehab Director',
      'Network Manager',
      'Spinal Network',
    ]);
    expect(splitLeads('Information Analyst Specialist', [])).toEqual(['Information Analyst Specialist']);
  });

  it('uses the network’s own titles and people', () => {
    expect(splitLeads('Head of Trauma Priya Shah', ['Head of Trauma', 'Priya Shah'])).toEqual(['Head of Trauma', 'Priya Shah']);
  });

  it('keeps sentences, long phrases and exported "Title (Name)" leads whole', () => {
    const long = 'Clinical Leads from each Hub and Spinal Partner Hospitals with Trust Management and Commissioning Hub Spinal Specialist';
    expect(splitLeads(long, [])).toEqual([long]);
    expect(splitLeads('Co-ordinated by RSN Clinical Lead. Clinical Leads from each Hub', [])).toEqual([
      'Co-ordinated by RSN Clinical Lead. Clinical Leads from each Hub',
    ]);
    expect(splitLeads('Network Manager (Priya Shah); Information Analyst', [])).toEqual(['Network Manager (Priya Shah)', 'Information Analyst']);
    expect(splitLeads('', [])).toEqual([]);
  });
});

describe('splitLeads at "/" and line breaks', () => {
  it('splits "A / B", "A/B" and lines, but not inside brackets', () => {
    expect(splitLeads('Network Manager / Clinical Lead', [])).toEqual(['Network Manager', 'Clinical Lead']);
    expect(splitLeads('Trauma Unit Leads/MTC Lead', [])).toEqual(['Trauma Unit Leads', 'MTC Lead']);
    expect(splitLeads('Network Chair\nInformation Analyst', [])).toEqual(['Network Chair', 'Information Analyst']);
    expect(splitLeads('Network Manager (Priya Shah/Sam Patel)', [])).toEqual(['Network Manager (Priya Shah/Sam Patel)']);
  });
});

describe('splitList', () => {
  it('takes one entry per line, without bullets', () => {
    expect(splitList('· Define Spinal Hub(s)\n· Define any AQPs.\n\n')).toEqual(['Define Spinal Hub(s)', 'Define any AQPs.']);
    expect(splitList('Published rehab review\r\nAction plan developed')).toEqual(['Published rehab review', 'Action plan developed']);
    expect(splitList('Reducing smoking ▪ Raising awareness of reduced fetal movement')).toEqual([
      'Reducing smoking',
      'Raising awareness of reduced fetal movement',
    ]);
    expect(splitList('   ')).toEqual([]);
  });
});
