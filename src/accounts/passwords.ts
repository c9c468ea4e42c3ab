import { hash, verify } from '@node-rs/argon2'

/** argon2id with OWASP's minimum (19 MiB, 2 passes): ~50 ms to hash on the reference 2-core machine. */
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200

export const hashPassword = (password: string) => hash(password, ARGON2)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A constant-cost verify for unknown accounts, so timing does not reveal which e-mails exist. */
let dummyHash: Promise<string> | undefined
export async function burnVerify(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing')
  await verifyPassword(await dummyHash, password)
  return false
}
