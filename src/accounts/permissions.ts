import type { Role } from '../db/tables/users.js'

/**
 * The permission matrix: every route names one permission, and only these roles hold it.
 * admin = quản trị; leader = lãnh đạo / người phát ngôn (approves); editor = biên tập viên;
 * analyst = chuyên viên; viewer = read only.
 */
export const PERMISSIONS = {
  'workspace.view': ['admin', 'leader', 'editor', 'analyst', 'viewer'],
  'articles.view': ['admin', 'leader', 'editor', 'analyst', 'viewer'],
  'triage.edit': ['admin', 'leader', 'analyst'],
  'watchlists.edit': ['admin', 'leader', 'analyst'],
  'responses.approve': ['admin', 'leader'],
  'publish.edit': ['admin', 'leader', 'editor'],
  'sources.manage': ['admin', 'analyst'],
  'audit.view': ['admin', 'leader'],
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  'demo.load': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role)
}
