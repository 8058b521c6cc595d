/** What a teacher of one region is offered: which abilities have a regional version (rubric-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { abilityOptions, regionalRubrics } from '../../../../components/ability-options';
import { asPolicy, policyEntries } from '../../../../components/collections';
import { offeredRegions, regionIndex, type RegionIndex } from '../../../../lib/rubrics/rubric-data';

export const getStaticPaths = (async () => {
  const regional = await regionalRubrics((await policyEntries()).map(asPolicy));
  const codes = (await abilityOptions()).map((a) => a.code);
  return offeredRegions(regional).map((region) => ({
    params: { region },
    props: { index: regionIndex(regional, region, codes) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ index: RegionIndex }> = ({ props }) => Response.json(props.index);
