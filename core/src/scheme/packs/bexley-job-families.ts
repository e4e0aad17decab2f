import type { JobFamily } from '../types.ts';

/** Policy 002 Appendix 2: the ten job families (definitions summarised). */
export const BEXLEY_JOB_FAMILIES: readonly JobFamily[] = [
  {
    id: 'top-management',
    title: 'Top Management',
    definition: 'The most senior management, Deputy Director upwards, with strategic responsibility across services.',
    typicalRoles: 'Chief Executive, Directors, Deputy Directors',
  },
  {
    id: 'heads-of-service',
    title: 'Heads of Service',
    definition: 'Strategy and direction of a main service area covering several disciplines.',
    typicalRoles: 'Heads of Service',
  },
  {
    id: 'professional-1',
    title: 'Professional 1',
    definition: 'Experienced professionals giving expert advice across a broad range within their discipline.',
    typicalRoles: 'Senior lawyer, Senior Engineer, Group Accountant, Educational Psychologist',
  },
  {
    id: 'professional-2',
    title: 'Professional 2',
    definition: 'Professional services within a defined discipline, including post-qualifying entry posts.',
    typicalRoles: 'Social Workers, Teachers, Planning Officers, Surveyors, Accountants, Librarians',
  },
  {
    id: 'management-1',
    title: 'Management 1',
    definition: 'Results through managing others, running a unit or section of a main service area.',
    typicalRoles: 'Unit Manager, Group Manager, Integrated Team Manager',
  },
  {
    id: 'management-2',
    title: 'Management 2',
    definition: 'Results through managing others in a discrete service area.',
    typicalRoles: 'Payments Manager, Office Manager, Payroll Team Leader',
  },
  {
    id: 'supervisor',
    title: 'Supervisor',
    definition: 'Results through personal delivery, with day-to-day supervision of others.',
    typicalRoles: 'Supervisory roles',
  },
  {
    id: 'customer-facing',
    title: 'Customer Facing',
    definition: 'Direct services to customers through personal delivery, possibly holding a caseload.',
    typicalRoles: 'Customer Contact Advisers, Receptionists, Library Assistants, Support assistants',
  },
  {
    id: 'senior-support-staff',
    title: 'Senior Support Staff',
    definition: 'More complex support to other staff, with a good grasp of the political context.',
    typicalRoles: 'Member Support, Graphic designers, Communications',
  },
  {
    id: 'support-staff',
    title: 'Support Staff',
    definition: 'Support and ancillary services under close direction.',
    typicalRoles: 'Administration, Post Room, Drivers, Caretakers, Cleaners',
  },
];
