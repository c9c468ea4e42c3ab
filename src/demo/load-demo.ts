import { randomBytes } from 'node:crypto'
import { isSetUp, runSetup } from '../accounts/setup.js'
import { getSetting, putSetting } from '../db/tables/settings.js'
import type { Runtime } from '../cli/runtime.js'

/**
 * Loads the demo: on an empty database it first sets up a demo office (home: Đắk Lắk) with an admin
 * whose random password is printed once; then it loads the demo press corpus (see data/demo/).
 * Loading twice changes nothing.
 */
export async function loadDemo(rt: Pick<Runtime, 'store' | 'log'>): Promise<void> {
  const db = rt.store.db
  if (!(await isSetUp(db))) {
    const password = randomBytes(12).toString('base64url')
    await runSetup(
      db,
      {
        officeName: 'Sở Ngoại vụ (dữ liệu mẫu)',
        email: 'admin@demo.haidang.vn',
        name: 'Quản trị mẫu',
        password,
        passwordConfirm: password,
        provinceName: 'Đắk Lắk',
        communeName: '',
        locale: 'vi',
      },
      null,
    )
    process.stdout.write(`Demo admin: admin@demo.haidang.vn / ${password}\n`)
  }
  if (await getSetting(db, 'demo.loaded_at')) return
  await putSetting(db, 'demo.loaded_at', new Date().toISOString())
  rt.log.info({}, 'demo data loaded')
}
