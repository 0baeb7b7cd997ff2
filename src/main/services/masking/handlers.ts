import type { HandlerGroup } from '../../rpc/handlers';
import type { MaskingService } from './masking-service';

export function maskingHandlers(masking: MaskingService): HandlerGroup<'masking.state' | 'masking.setScreenShare'> {
  return {
    'masking.state': () => masking.state(),
    'masking.setScreenShare': ({ on }) => masking.setScreenShare(on),
  };
}
